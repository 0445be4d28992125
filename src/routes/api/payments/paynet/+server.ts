import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { answerPaynet } from '$lib/server/services/payments/paynet';
import { serverLiveHub } from '$lib/server/sync/hub';

/**
 * Paynet's provider service (JSON-RPC 2.0, HTTP Basic). HTTP 401 for wrong credentials, 200
 * with a JSON-RPC body otherwise. See src/lib/server/services/payments/README.md.
 */
export const POST: RequestHandler = async ({ request }) => {
	const answer = await answerPaynet(request, {
		db: getDb,
		nowMs: Date.now,
		onBalanceMoved: (accountId) => serverLiveHub.pokeAccounts(getDb(), [accountId])
	});
	return json(answer.body, {
		status: answer.status,
		headers: answer.status === 401 ? { 'www-authenticate': 'Basic realm="Paynet"' } : {}
	});
};
