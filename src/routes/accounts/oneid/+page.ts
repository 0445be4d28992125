import { signedInPage } from '$lib/client/signedInPage';

export const load = () => signedInPage(() => import('$lib/pages/OneIdLink.svelte'));
