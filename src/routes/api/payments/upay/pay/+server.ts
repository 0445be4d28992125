import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { answerUpay, upaySettings } from '$lib/server/services/payments/upay';
import { serverLiveHub } from '$lib/server/sync/hub';

/**
 * UPay's provider pay call. Always HTTP 200 with `{status, message}`.
 * See src/lib/server/services/payments/README.md.
 */
export const POST: RequestHandler = async ({ request }) =>
	json(
		await answerUpay(request, 'pay', {
			db: getDb,
			settings: upaySettings(),
			nowMs: Date.now,
			onBalanceMoved: (accountId) => serverLiveHub.pokeAccounts(getDb(), [accountId])
		})
	);
