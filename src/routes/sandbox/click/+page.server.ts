import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { clickSettings } from '$lib/server/services/payments/click';
import { parseClickLink, playClick } from '$lib/server/sandbox/clickSandbox';
import { sameOriginOr } from '$lib/server/sandbox/operatorCall';

// Click's payment page, played locally (npm start only: hooks.server.ts hides /sandbox
// otherwise). The link is Click's real one; the buttons make Click's calls to Tok over HTTP.

export const load: PageServerLoad = ({ url }) => ({ link: parseClickLink(url.searchParams) });

async function play(url: URL, decline: boolean) {
	const link = parseClickLink(url.searchParams);
	const settings = clickSettings();
	if (!link || !settings) return fail(400, { code: null, note: '' });
	const played = await playClick(url.origin, link, settings, decline, Date.now());
	// Declined by the card: Click shows its own failure and sends the person back all the same.
	if (!played.ok && !(decline && played.stage === 'complete' && played.code === -9))
		return fail(502, { code: played.code, note: played.note });
	redirect(303, sameOriginOr(link.returnUrl, url.origin, '/payments'));
}

export const actions: Actions = {
	pay: ({ url }) => play(url, false),
	decline: ({ url }) => play(url, true)
};
