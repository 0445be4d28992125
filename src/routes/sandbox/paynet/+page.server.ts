import { randomInt } from 'node:crypto';
import type { Actions } from './$types';
import { config } from '$lib/server/config';
import { formatTashkentTime } from '$lib/server/services/payments/tashkentTime';
import {
	basic,
	kioskCall,
	kioskForm,
	type KioskCall,
	type KioskOutcome
} from '$lib/server/sandbox/kiosk';

/** Plays a Paynet kiosk: GetInformation, then PerformTransaction, against Tok's real endpoint. */
export const actions: Actions = {
	default: async ({ request, url }) => {
		const form = await kioskForm(request);
		if ('refused' in form) return form.refused;
		const calls: KioskCall[] = [];
		const endpoint = `${url.origin}/api/payments/paynet`;
		const auth = basic(config.paynetLogin ?? '', config.paynetPassword ?? '');
		const serviceId = config.paynetServiceId ?? 0;
		const rpc = (method: string, params: Record<string, unknown>) =>
			kioskCall(calls, method, endpoint, auth, {
				jsonrpc: '2.0',
				id: calls.length + 1,
				method,
				params
			});
		const outcome = (reason?: string): KioskOutcome => ({
			account: form.account,
			amount: form.amountText,
			paid: reason === undefined,
			reason,
			calls
		});
		const refusal = (r: Record<string, unknown>) => {
			const e = r.error as { code?: number; message?: string } | undefined;
			return e ? `${e.code} ${e.message ?? ''}`.trim() : undefined;
		};
		const info = await rpc('GetInformation', { serviceId, fields: { account: form.account } });
		if (refusal(info.response) || info.status !== 200)
			return outcome(refusal(info.response) ?? `HTTP ${info.status}`);
		const perform = await rpc('PerformTransaction', {
			serviceId,
			transactionId: Date.now() * 1000 + randomInt(1000),
			transactionTime: formatTashkentTime(Date.now()),
			amount: form.amountTiyin,
			fields: { account: form.account }
		});
		return outcome(
			refusal(perform.response) ?? (perform.status === 200 ? undefined : `HTTP ${perform.status}`)
		);
	}
};
