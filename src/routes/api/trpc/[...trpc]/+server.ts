import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { appRouter } from '$lib/server/trpc/root';
import { SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth/session';
import { serverLiveHub } from '$lib/server/sync/hub';
import { serverNow } from '$lib/server/clock';

const handler: RequestHandler = (event) =>
	fetchRequestHandler({
		endpoint: '/api/trpc',
		req: event.request,
		router: appRouter,
		createContext: () => ({
			db: getDb(),
			user: event.locals.user,
			now: serverNow,
			live: serverLiveHub,
			clientAddress: event.getClientAddress(),
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
		})
	});

export const GET = handler;
export const POST = handler;
