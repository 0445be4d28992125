import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { answerClick, clickSettings } from '$lib/server/services/payments/click';
import { serverLiveHub } from '$lib/server/sync/hub';

/**
 * Click's SHOP API, Complete (action 1). Always HTTP 200 with Click's JSON answer.
 * See src/lib/server/services/payments/README.md.
 */
export const POST: RequestHandler = async ({ request }) =>
	json(
		await answerClick(request, 'complete', {
			db: getDb,
			settings: clickSettings(),
			nowMs: Date.now,
			onBalanceMoved: (accountId) => serverLiveHub.pokeAccounts(getDb(), [accountId])
		})
	);
