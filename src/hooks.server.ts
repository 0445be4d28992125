import type { Handle, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { getDb } from '$lib/server/db';
import { serverNow } from '$lib/server/clock';
import { ensureReferenceData } from '$lib/server/db/reference';
import {
	SESSION_COOKIE,
	sessionCookieOptions,
	validateSessionToken
} from '$lib/server/auth/session';
import { compressed } from '$lib/server/http/compression';
import { setSecurityHeaders } from '$lib/server/http/securityHeaders';
import { config } from '$lib/server/config';
import { startSmsWorker } from '$lib/server/sms/worker';
import { crossSiteFormRefused, crossSiteUploadRefused } from '$lib/server/http/csrf';
import { registerNodeRoute } from '$lib/server/http/nodeRoutes';
import { startUploadSweeper } from '$lib/server/services/photos/photoUploads';
import { paymeNodeRoute } from '$lib/server/services/payments/paymeRoute';

// The operators' local stand-ins (src/routes/sandbox/) exist for `npm start` only:
// without TOK_DEMO they are not there at all, pages and endpoints alike.
const SANDBOX = /^\/sandbox(\/|$)/;

export const init: ServerInit = () => {
	// Applies migrations and writes the reference data (regions, published tariffs) on start,
	// not on the first request.
	if (building) return;
	ensureReferenceData(getDb(), serverNow());
	// Sends what the SMS queue holds (left over from before a restart, too) and retries with backoff.
	startSmsWorker(getDb, serverNow);
	// Drops photo uploads left unfinished for two weeks (their phone is gone), partial files too.
	startUploadSweeper(getDb, serverNow);
	// Payme's calls, answered ahead of SvelteKit where server.js runs the app (`npm run serve`).
	registerNodeRoute('/api/payments/payme', paymeNodeRoute);
};

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	if (
		crossSiteFormRefused(event.request, event.url) ||
		crossSiteUploadRefused(event.request, event.url)
	) {
		const refused = new Response(
			`Cross-site ${event.request.method} form submissions are forbidden`,
			{
				status: 403
			}
		);
		setSecurityHeaders(refused.headers, event.url);
		return refused;
	}
	if (SANDBOX.test(event.url.pathname) && !config.demo) {
		const notFound = new Response('Not found', { status: 404 });
		setSecurityHeaders(notFound.headers, event.url);
		return notFound;
	}
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const nowMs = serverNow();
		const session = validateSessionToken(getDb(), token, nowMs);
		if (session) {
			event.locals.user = session.user;
			if (session.renewed)
				event.cookies.set(
					SESSION_COOKIE,
					token,
					sessionCookieOptions(event.url, session.expiresAtMs, nowMs)
				);
		} else {
			event.cookies.delete(SESSION_COOKIE, { path: '/' });
		}
	}
	let response = await resolve(event);
	if (event.url.pathname.startsWith('/api/'))
		response = await compressed(response, event.request.headers.get('accept-encoding'));
	setSecurityHeaders(response.headers, event.url);
	return response;
};
