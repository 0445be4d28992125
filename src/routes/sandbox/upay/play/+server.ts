import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { upaySettings } from '$lib/server/services/payments/upay';
import { parseUpayLink, playUpay } from '$lib/server/sandbox/upaySandbox';
import { selfOrigin } from '$lib/server/sandbox/operatorCall';

/**
 * Plays UPay's side of the payment in `{query}` (the prePay.do link's query): check, then pay,
 * against Tok's real endpoints over HTTP. JSON, not a form post (see the Click sandbox). UPay's
 * link carries no return address (UPay's cabinet holds it): the sandbox's is /payments.
 */
export const POST: RequestHandler = async ({ request, url }) => {
	const body = (await request.json().catch(() => null)) as { query?: unknown } | null;
	const link =
		typeof body?.query === 'string' ? parseUpayLink(new URLSearchParams(body.query)) : null;
	const settings = upaySettings();
	if (!link || !settings) return json({ ok: false, code: null, note: '' }, { status: 400 });
	const played = await playUpay(selfOrigin(url), link, settings, Date.now());
	return json(played.ok ? { ok: true, back: '/payments' } : played);
};
