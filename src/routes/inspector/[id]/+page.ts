import { signedInPage } from '$lib/client/signedInPage';

// The order's id is read from the URL by the page: it renders from the phone's database, offline too.
export const load = () =>
	signedInPage('/inspector/*', () => import('$lib/pages/InspectorOrder.svelte'));
