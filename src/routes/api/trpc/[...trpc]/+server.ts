import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { handleTrpcRequest } from '$lib/server/trpc/http';
import { SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth/session';
import { serverLiveHub } from '$lib/server/sync/hub';
import { clientAddressOf } from '$lib/server/http/clientAddress';
import { serverNow } from '$lib/server/clock';

const handler: RequestHandler = (event) =>
	handleTrpcRequest(event.request, () => ({
		db: getDb(),
		user: event.locals.user,
		now: serverNow,
		live: serverLiveHub,
		clientAddress: clientAddressOf(event),
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
