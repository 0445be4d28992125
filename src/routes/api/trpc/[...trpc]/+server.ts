import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { handleTrpcRequest } from '$lib/server/trpc/http';
import { SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth/session';
import { serverLiveHub } from '$lib/server/sync/hub';
import { clientAddressOf } from '$lib/server/http/clientAddress';
import { serverNow } from '$lib/server/clock';

/**
 * Tok's origin as the phone reached it, for the return links of checkouts: the browser's own
 * Origin header (sent with every POST), since without ORIGIN set adapter-node takes a plain
 * HTTP server (the demo, a test) for https. Anything but an http(s) origin falls back.
 */
function originOf(event: Parameters<RequestHandler>[0]): string {
	const header = event.request.headers.get('origin');
	if (header && /^https?:\/\/[A-Za-z0-9.\-[\]:]+$/.test(header)) return header;
	return event.url.origin;
}

const handler: RequestHandler = (event) =>
	handleTrpcRequest(event.request, () => ({
		db: getDb(),
		user: event.locals.user,
		now: serverNow,
		live: serverLiveHub,
		clientAddress: clientAddressOf(event),
		origin: originOf(event),
		userAgent: event.request.headers.get('user-agent') ?? '',
		session: {
			token: event.cookies.get(SESSION_COOKIE) ?? null,
			set: (token, expiresAtMs) =>
				event.cookies.set(
					SESSION_COOKIE,
					token,
					sessionCookieOptions(event.url, expiresAtMs, serverNow())
				),
			clear: () => event.cookies.delete(SESSION_COOKIE, { path: '/' })
		}
	}));

export const GET = handler;
export const POST = handler;
