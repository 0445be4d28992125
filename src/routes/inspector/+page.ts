import { signedInPage } from '$lib/client/signedInPage';

export const load = () =>
	signedInPage('/inspector', () => import('$lib/pages/InspectorToday.svelte'));
