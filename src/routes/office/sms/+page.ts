import { signedInPage } from '$lib/client/signedInPage';

export const load = () => signedInPage('/office/sms', () => import('$lib/pages/office/Sms.svelte'));
