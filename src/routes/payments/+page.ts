import { signedInPage } from '$lib/client/signedInPage';

export const load = () => signedInPage('/payments', () => import('$lib/pages/Payments.svelte'));
