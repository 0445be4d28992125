import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { serverNow } from '$lib/server/clock';
import {
	configuredOneIdClient,
	loginWith,
	redirectUriOf,
	setStateCookie
} from '$lib/server/auth/oneid/http';
import { beginOneIdSignIn } from '$lib/server/services/oneid';

/** The OneID button: off to OneID's sign-in page with a fresh state bound to this browser. */
export const GET: RequestHandler = ({ url, cookies }) => {
	const client = configuredOneIdClient();
	if (!client) redirect(303, loginWith('oneid_unconfigured'));
	const { state, url: to } = beginOneIdSignIn(getDb(), client, redirectUriOf(url), serverNow());
	setStateCookie(cookies, url, state);
	redirect(303, to);
};
