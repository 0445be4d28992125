import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { clientAddressOf } from '$lib/server/http/clientAddress';
import { answerPayme, notPostAnswer, paymeCallOf } from '$lib/server/services/payments/payme';
import { paymeServerEnv } from '$lib/server/services/payments/paymeRoute';

/**
 * Payme's Merchant API (JSON-RPC 2.0). Always HTTP 200: Payme reads the outcome from the body.
 * Under `npm run serve` Payme's POSTs are answered ahead of SvelteKit, the same way (paymeRoute.ts).
 * See src/lib/server/services/payments/README.md.
 */
export const POST: RequestHandler = async (event) =>
	json(await answerPayme(paymeCallOf(event.request), paymeServerEnv(clientAddressOf(event))));

/** Any other method: Payme's -32300 ("not POST"), still HTTP 200 and JSON-RPC. */
export const fallback: RequestHandler = () => json(notPostAnswer());
