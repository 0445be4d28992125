import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { config } from '$lib/server/config';
import { serverNow } from '$lib/server/clock';
import {
	checkoutPage,
	isReturnToSelf,
	SANDBOX_HEADERS,
	submitCheckout
} from '$lib/server/sandbox/paymeSandbox';

// Payme's checkout stand-in for the demo (src/lib/server/sandbox/paymeSandbox.ts). A rest
// parameter: a base64 token may hold "/".

export const GET: RequestHandler = ({ params }) => {
	const { status, html } = checkoutPage(params.token);
	return new Response(html, { status, headers: SANDBOX_HEADERS });
};

/** `{"action":"pay"}` or `{"action":"cancel"}` from the page's buttons. */
export const POST: RequestHandler = async ({ params, request, url, fetch }) => {
	let action: unknown;
	try {
		action = ((await request.json()) as { action?: unknown })?.action;
	} catch {
		return json({ error: 'not JSON' }, { status: 400 });
	}
	const outcome = await submitCheckout(params.token, action, {
		endpoint: `${url.origin}/api/payments/payme`,
		key: config.paymeKey,
		nowMs: serverNow(),
		fetch
	});
	// Back to Tok only: the demo is no open redirect for links someone else made up.
	if ('redirect' in outcome && !isReturnToSelf(outcome.redirect, url))
		return json({ error: 'The return address is not this merchant’s.' }, { status: 400 });
	return json(outcome);
};
