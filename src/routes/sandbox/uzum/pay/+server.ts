import { randomUUID } from 'node:crypto';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { config } from '$lib/server/config';
import { parseJsonObject } from '$lib/server/services/payments/body';
import {
	basic,
	kioskCall,
	kioskInput,
	ownBaseUrl,
	type KioskCall,
	type KioskOutcome
} from '$lib/server/sandbox/kiosk';

/**
 * The demo's Uzum Bank app (page: ../+page.svelte): check, create, then confirm, against Tok's
 * real webhooks over HTTP with Uzum's Basic credentials.
 */
export const POST: RequestHandler = async ({ request }) => {
	const input = kioskInput(parseJsonObject(await request.text()));
	if ('error' in input) return json(input, { status: 400 });
	const calls: KioskCall[] = [];
	const auth = basic(config.uzumLogin ?? '', config.uzumPassword ?? '');
	const serviceId = config.uzumServiceId ?? 0;
	const call = (operation: string, body: Record<string, unknown>) =>
		kioskCall(calls, operation, `${ownBaseUrl()}/api/payments/uzum/${operation}`, auth, {
			serviceId,
			timestamp: Date.now(),
			...body
		});
	const refusal = (a: { status: number; response: Record<string, unknown> }) =>
		a.status === 200 ? undefined : String(a.response.errorCode ?? `HTTP ${a.status}`);
	const outcome = (reason?: string): KioskOutcome => ({
		account: input.account,
		amount: input.amountText,
		paid: reason === undefined,
		reason,
		calls
	});
	const params = { account: input.account };
	const check = await call('check', { params });
	if (refusal(check)) return json(outcome(refusal(check)));
	const transId = randomUUID();
	const create = await call('create', { transId, params, amount: input.amountTiyin });
	if (refusal(create)) return json(outcome(refusal(create)));
	const confirm = await call('confirm', {
		transId,
		paymentSource: 'UZCARD',
		phone: '998900000000',
		processingReferenceNumber: String(Date.now())
	});
	return json(outcome(refusal(confirm)));
};
