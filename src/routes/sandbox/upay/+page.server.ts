import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { upaySettings } from '$lib/server/services/payments/upay';
import { parseUpayLink, playUpay } from '$lib/server/sandbox/upaySandbox';

// UPay's prePay.do page, played locally (npm start only: hooks.server.ts hides /sandbox
// otherwise). The link is UPay's real one; the button makes UPay's check and pay over HTTP.
// UPay's link carries no return address (UPay's cabinet holds it): the sandbox's is /payments.

export const load: PageServerLoad = ({ url }) => ({ link: parseUpayLink(url.searchParams) });

export const actions: Actions = {
	pay: async ({ url }) => {
		const link = parseUpayLink(url.searchParams);
		const settings = upaySettings();
		if (!link || !settings) return fail(400, { code: null, note: '' });
		const played = await playUpay(url.origin, link, settings, Date.now());
		if (!played.ok) return fail(502, { code: played.code, note: played.note });
		redirect(303, '/payments');
	}
};
