import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { serverNow } from '$lib/server/clock';
import { clientAddressOf } from '$lib/server/http/clientAddress';
import { SESSION_COOKIE, invalidateSession, sessionCookieOptions } from '$lib/server/auth/session';
import {
	configuredOneIdClient,
	loginWith,
	redirectUriOf,
	requestFacts,
	takeStateCookie
} from '$lib/server/auth/oneid/http';
import { finishOneIdSignIn, OneIdSignInError } from '$lib/server/services/oneid';

/** Where OneID sends the browser back: the session cookie, then the sign-in page says what next. */
export const GET: RequestHandler = async (event) => {
	const { url, cookies } = event;
	const client = configuredOneIdClient();
	if (!client) redirect(303, loginWith('oneid_unconfigured'));
	const nowMs = serverNow();
	const db = getDb();
	let outcome: Awaited<ReturnType<typeof finishOneIdSignIn>>;
	try {
		outcome = await finishOneIdSignIn(
			db,
			client,
			{
				code: url.searchParams.get('code'),
				state: url.searchParams.get('state'),
				error: url.searchParams.get('error'),
				cookieState: takeStateCookie(cookies),
				redirectUri: redirectUriOf(url)
			},
			requestFacts(event, nowMs, clientAddressOf(event))
		);
	} catch (error) {
		if (!(error instanceof OneIdSignInError)) throw error;
		console.warn(`OneID sign-in failed: ${error.detail}`);
		redirect(303, loginWith(error.reason));
	}
	const previous = cookies.get(SESSION_COOKIE);
	if (previous) invalidateSession(db, previous);
	cookies.set(SESSION_COOKIE, outcome.token, sessionCookieOptions(url, outcome.expiresAtMs, nowMs));
	redirect(303, loginWith(outcome.needsAccount ? 'link' : 'done'));
};
