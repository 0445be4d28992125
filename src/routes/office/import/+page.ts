import { signedInPage } from '$lib/client/signedInPage';

export const load = () =>
	signedInPage('/office/import', () => import('$lib/pages/office/Import.svelte'));
