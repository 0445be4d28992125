import { signedInPage } from '$lib/client/signedInPage';

export const load = () =>
	signedInPage('/office/tariffs', () => import('$lib/pages/office/Tariffs.svelte'));
