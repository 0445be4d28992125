import { signedInPage } from '$lib/client/signedInPage';

export const load = () =>
	signedInPage('/consumption', () => import('$lib/pages/Consumption.svelte'));
