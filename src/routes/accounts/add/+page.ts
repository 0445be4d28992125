import { signedInPage } from '$lib/client/signedInPage';

export const load = () =>
	signedInPage('/accounts/add', () => import('$lib/pages/AddAccount.svelte'));
