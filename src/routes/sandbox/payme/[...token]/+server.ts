import type { RequestHandler } from './$types';
import { config } from '$lib/server/config';
import { serverNow } from '$lib/server/clock';
import { checkoutPage, SANDBOX_HEADERS, submitCheckout } from '$lib/server/sandbox/paymeSandbox';

// Payme's checkout stand-in for the demo (src/lib/server/sandbox/paymeSandbox.ts). A rest
// parameter: a base64 token may hold "/".

function sameOrigin(target: string, url: URL): boolean {
	try {
		return new URL(target).origin === url.origin;
	} catch {
		return false;
	}
}

export const GET: RequestHandler = ({ params }) => {
	const { status, html } = checkoutPage(params.token);
	return new Response(html, { status, headers: SANDBOX_HEADERS });
};

export const POST: RequestHandler = async ({ params, request, url, fetch }) => {
	let action = '';
	try {
		action = String((await request.formData()).get('action') ?? '');
	} catch {
		// not a form: shown the page again
	}
	const outcome = await submitCheckout(params.token, action, {
		endpoint: `${url.origin}/api/payments/payme`,
		key: config.paymeKey,
		nowMs: serverNow(),
		fetch
	});
	// Back to Tok only: the demo is no open redirect for links someone else made up.
	if ('redirect' in outcome && sameOrigin(outcome.redirect, url))
		return new Response(null, { status: 303, headers: { location: outcome.redirect } });
	if ('redirect' in outcome) return new Response('Not found', { status: 404 });
	return new Response(outcome.html, { status: outcome.status, headers: SANDBOX_HEADERS });
};
