import { signedInPage } from '$lib/client/signedInPage';

export const load = () =>
	signedInPage('/accounts/oneid', () => import('$lib/pages/OneIdLink.svelte'));
