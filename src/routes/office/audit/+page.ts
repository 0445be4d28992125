import { signedInPage } from '$lib/client/signedInPage';

export const load = () =>
	signedInPage('/office/audit', () => import('$lib/pages/office/Audit.svelte'));
