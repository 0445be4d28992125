import type { Handle, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { getDb } from '$lib/server/db';
import {
	SESSION_COOKIE,
	sessionCookieOptions,
	validateSessionToken
} from '$lib/server/auth/session';
import { compressed } from '$lib/server/http/compression';
import { setSecurityHeaders } from '$lib/server/http/securityHeaders';

export const init: ServerInit = () => {
	// Applies migrations on start, not on the first request.
	if (!building) getDb();
};

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const session = validateSessionToken(getDb(), token, Date.now());
		if (session) {
			event.locals.user = session.user;
			if (session.renewed)
				event.cookies.set(
					SESSION_COOKIE,
					token,
					sessionCookieOptions(event.url, session.expiresAtMs)
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
