import { randomInt } from 'node:crypto';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { config } from '$lib/server/config';
import { parseJsonObject } from '$lib/server/services/payments/body';
import { formatTashkentTime } from '$lib/server/services/payments/tashkentTime';
import {
	basic,
	kioskCall,
	kioskInput,
	ownBaseUrl,
	type KioskCall,
	type KioskOutcome
} from '$lib/server/sandbox/kiosk';

/**
 * The demo's Paynet kiosk (page: ../+page.svelte): GetInformation, then PerformTransaction,
 * against Tok's real endpoint over HTTP with Paynet's Basic credentials.
 */
export const POST: RequestHandler = async ({ request }) => {
	const input = kioskInput(parseJsonObject(await request.text()));
	if ('error' in input) return json(input, { status: 400 });
	const calls: KioskCall[] = [];
	const endpoint = `${ownBaseUrl()}/api/payments/paynet`;
	const auth = basic(config.paynetLogin ?? '', config.paynetPassword ?? '');
	const serviceId = config.paynetServiceId ?? 0;
	const rpc = (method: string, params: Record<string, unknown>) =>
		kioskCall(calls, method, endpoint, auth, {
			jsonrpc: '2.0',
			id: calls.length + 1,
			method,
			params
		});
	const refusal = (a: { status: number; response: Record<string, unknown> }) => {
		const e = a.response.error as { code?: number; message?: string } | undefined;
		if (e) return `${e.code} ${e.message ?? ''}`.trim();
		return a.status === 200 ? undefined : `HTTP ${a.status}`;
	};
	const outcome = (reason?: string): KioskOutcome => ({
		account: input.account,
		amount: input.amountText,
		paid: reason === undefined,
		reason,
		calls
	});
	const info = await rpc('GetInformation', { serviceId, fields: { account: input.account } });
	if (refusal(info)) return json(outcome(refusal(info)));
	const perform = await rpc('PerformTransaction', {
		serviceId,
		transactionId: Date.now() * 1000 + randomInt(1000),
		transactionTime: formatTashkentTime(Date.now()),
		amount: input.amountTiyin,
		fields: { account: input.account }
	});
	return json(outcome(refusal(perform)));
};
