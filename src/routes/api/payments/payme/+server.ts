import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { config } from '$lib/server/config';
import { serverNow } from '$lib/server/clock';
import { clientAddressOf } from '$lib/server/http/clientAddress';
import { answerPayme, notPostAnswer } from '$lib/server/services/payments/payme';
import { serverLiveHub } from '$lib/server/sync/hub';

/**
 * Payme's Merchant API (JSON-RPC 2.0). Always HTTP 200: Payme reads the outcome from the body.
 * See src/lib/server/services/payments/README.md.
 */
export const POST: RequestHandler = async (event) => {
	const answer = await answerPayme(event.request, {
		db: getDb,
		key: config.paymeKey,
		nowMs: serverNow,
		onBalanceMoved: (accountId) => serverLiveHub.pokeAccounts(getDb(), [accountId]),
		allowedIps: config.paymeAllowedIps,
		clientAddress: clientAddressOf(event)
	});
	return json(answer);
};

/** Any other method: Payme's -32300 ("not POST"), still HTTP 200 and JSON-RPC. */
export const fallback: RequestHandler = () => json(notPostAnswer());
