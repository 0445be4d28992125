import type { PageServerLoad } from './$types';
import { parseUpayLink } from '$lib/server/sandbox/upaySandbox';

// UPay's prePay.do page, played locally (npm start only: hooks.server.ts hides /sandbox
// otherwise). The link is UPay's real one; the button asks ./play to make UPay's calls.
export const load: PageServerLoad = ({ url }) => ({ link: parseUpayLink(url.searchParams) });
