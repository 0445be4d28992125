import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { config } from '$lib/server/config';
import { answerPayme } from '$lib/server/services/payments/payme';
import { serverLiveHub } from '$lib/server/sync/hub';
import { serverNow } from '$lib/server/clock';

/**
 * Payme's Merchant API (JSON-RPC 2.0). Always HTTP 200: Payme reads the outcome from the body.
 * See src/lib/server/services/payments/README.md.
 */
export const POST: RequestHandler = async ({ request }) => {
	const answer = await answerPayme(request, {
		db: getDb,
		key: config.paymeKey,
		nowMs: serverNow,
		onBalanceMoved: (accountId) => serverLiveHub.pokeAccounts(getDb(), [accountId])
	});
	return json(answer);
};
