import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { answerOsonNotify } from '$lib/server/services/payments/oson';
import { serverLiveHub } from '$lib/server/sync/hub';

/**
 * OSON's signed webhook (`notify_url` of every invoice Tok creates).
 * See src/lib/server/services/payments/README.md.
 */
export const POST: RequestHandler = async ({ request }) => {
	const answer = await answerOsonNotify(request, {
		db: getDb,
		nowMs: Date.now,
		onBalanceMoved: (accountId) => serverLiveHub.pokeAccounts(getDb(), [accountId])
	});
	return json(answer.body, { status: answer.status });
};
