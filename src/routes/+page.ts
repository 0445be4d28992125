import { homePage } from '$lib/client/signedInPage';

export const load = () => homePage(() => import('$lib/pages/Home.svelte'));
