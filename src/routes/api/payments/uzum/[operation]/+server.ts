import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { answerUzum } from '$lib/server/services/payments/uzum';
import { serverLiveHub } from '$lib/server/sync/hub';

/**
 * Uzum Bank's merchant webhooks: /check, /create, /confirm, /reverse, /status (HTTP Basic).
 * Any other operation is answered 10003. See src/lib/server/services/payments/README.md.
 */
export const POST: RequestHandler = async ({ params, request }) => {
	const answer = await answerUzum(params.operation, request, {
		db: getDb,
		nowMs: Date.now,
		onBalanceMoved: (accountId) => serverLiveHub.pokeAccounts(getDb(), [accountId])
	});
	return json(answer.body, { status: answer.status });
};
