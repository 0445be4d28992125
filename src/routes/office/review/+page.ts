import { signedInPage } from '$lib/client/signedInPage';

export const load = () =>
	signedInPage('/office/review', () => import('$lib/pages/office/Review.svelte'));
