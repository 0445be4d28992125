import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { config } from '../../config';
import { createOneIdClient, type OneIdClient } from './client';
import { ONEID_STATE_COOKIE, ONEID_STATE_TTL_MS } from '../../services/oneid';
import { ONEID_OUTCOME_PARAM } from '../../../domain/oneid';

// The glue the two OneID routes share: the configured client, where OneID sends the browser
// back, the state cookie, and the way back to the sign-in page with an outcome.

/** The OneID client from the environment, or null when OneID is not configured. */
export function configuredOneIdClient(): OneIdClient | null {
	const settings = config.oneid;
	return settings ? createOneIdClient(settings) : null;
}

export const CALLBACK_PATH = '/login/oneid/callback';

const LOCAL = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Where OneID sends the browser back: ONEID_REDIRECT_URI when set (it must be the one registered
 * with OneID), else this server's callback. adapter-node takes a request for https unless ORIGIN
 * says otherwise, which on a developer's machine (plain http on localhost) it is not.
 */
export function redirectUriOf(url: URL): string {
	if (process.env.ONEID_REDIRECT_URI) return process.env.ONEID_REDIRECT_URI;
	const origin = LOCAL.has(url.hostname) ? `http://${url.host}` : url.origin;
	return new URL(CALLBACK_PATH, origin).href;
}

/**
 * The state cookie: HttpOnly, only sent to the callback, gone after ten minutes. SameSite=Lax,
 * since OneID sends the browser back by a top-level GET from its own site.
 */
export function setStateCookie(cookies: Cookies, url: URL, state: string): void {
	cookies.set(ONEID_STATE_COOKIE, state, {
		path: CALLBACK_PATH,
		httpOnly: true,
		sameSite: 'lax',
		secure: !LOCAL.has(url.hostname),
		maxAge: Math.floor(ONEID_STATE_TTL_MS / 1000)
	});
}

export function takeStateCookie(cookies: Cookies): string | null {
	const value = cookies.get(ONEID_STATE_COOKIE) ?? null;
	cookies.delete(ONEID_STATE_COOKIE, { path: CALLBACK_PATH });
	return value;
}

/** `/login?oneid=…`: 'link' (signed in, no account yet), 'done', or a reason without 'error.'. */
export function loginWith(outcome: string): string {
	return `/login?${ONEID_OUTCOME_PARAM}=${encodeURIComponent(outcome.replace(/^error\./, ''))}`;
}

export function requestFacts(event: RequestEvent, nowMs: number, address: string) {
	return { nowMs, address, userAgent: event.request.headers.get('user-agent') ?? '' };
}
