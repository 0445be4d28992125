import { signedInPage } from '$lib/client/signedInPage';

export const load = () =>
	signedInPage('/office/*', () => import('$lib/pages/office/Dashboard.svelte'));
