import { signedInPage } from '$lib/client/signedInPage';

export const load = () => signedInPage(() => import('$lib/pages/Settings.svelte'), { staff: true });
