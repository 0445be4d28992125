import { signedInPage } from '$lib/client/signedInPage';

export const load = () => signedInPage('/readings', () => import('$lib/pages/Readings.svelte'));
