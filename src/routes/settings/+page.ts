import { signedInPage } from '$lib/client/signedInPage';

export const load = () => signedInPage('/settings', () => import('$lib/pages/Settings.svelte'));
