import { signedInPage } from '$lib/client/signedInPage';

export const load = () => signedInPage('/accounts', () => import('$lib/pages/Accounts.svelte'));
