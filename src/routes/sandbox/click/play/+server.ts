import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { clickSettings } from '$lib/server/services/payments/click';
import { parseClickLink, playClick } from '$lib/server/sandbox/clickSandbox';
import { returnPath, selfOrigin } from '$lib/server/sandbox/operatorCall';

/**
 * Plays Click's side of the payment in `{query, decline}` (the payment link's query): Prepare
 * then Complete against Tok's real endpoints over HTTP. JSON, not a form post, so that no
 * cross-site page can make it (a JSON post from elsewhere needs CORS, which Tok never grants).
 */
export const POST: RequestHandler = async ({ request, url }) => {
	const body = (await request.json().catch(() => null)) as {
		query?: unknown;
		decline?: unknown;
	} | null;
	const link =
		typeof body?.query === 'string' ? parseClickLink(new URLSearchParams(body.query)) : null;
	const settings = clickSettings();
	if (!link || !settings) return json({ ok: false, code: null, note: '' }, { status: 400 });
	const decline = body?.decline === true;
	const played = await playClick(selfOrigin(url), link, settings, decline, Date.now());
	// Declined by the card: Click shows its failure and sends the person back all the same.
	if (played.ok || (decline && played.stage === 'complete' && played.code === -9))
		return json({ ok: true, back: returnPath(link.returnUrl, url, '/payments') });
	return json({ ok: false, code: played.code, note: played.note });
};
