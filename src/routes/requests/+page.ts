import { signedInPage } from '$lib/client/signedInPage';

export const load = () => signedInPage('/requests', () => import('$lib/pages/Requests.svelte'));
