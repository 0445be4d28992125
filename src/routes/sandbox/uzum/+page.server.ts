import { randomUUID } from 'node:crypto';
import type { Actions } from './$types';
import { config } from '$lib/server/config';
import {
	basic,
	kioskCall,
	kioskForm,
	type KioskCall,
	type KioskOutcome
} from '$lib/server/sandbox/kiosk';

/** Plays the Uzum Bank app: check, create, then confirm, against Tok's real webhooks. */
export const actions: Actions = {
	default: async ({ request, url }) => {
		const form = await kioskForm(request);
		if ('refused' in form) return form.refused;
		const calls: KioskCall[] = [];
		const auth = basic(config.uzumLogin ?? '', config.uzumPassword ?? '');
		const serviceId = config.uzumServiceId ?? 0;
		const call = (operation: string, body: Record<string, unknown>) =>
			kioskCall(calls, operation, `${url.origin}/api/payments/uzum/${operation}`, auth, {
				serviceId,
				timestamp: Date.now(),
				...body
			});
		const outcome = (reason?: string): KioskOutcome => ({
			account: form.account,
			amount: form.amountText,
			paid: reason === undefined,
			reason,
			calls
		});
		const refusal = (a: { status: number; response: Record<string, unknown> }) =>
			a.status === 200 ? undefined : `${a.response.errorCode ?? `HTTP ${a.status}`}`;
		const params = { account: form.account };
		const check = await call('check', { params });
		if (refusal(check)) return outcome(refusal(check));
		const transId = randomUUID();
		const create = await call('create', { transId, params, amount: form.amountTiyin });
		if (refusal(create)) return outcome(refusal(create));
		const confirm = await call('confirm', {
			transId,
			paymentSource: 'UZCARD',
			phone: '998900000000',
			processingReferenceNumber: String(Date.now())
		});
		return outcome(refusal(confirm));
	}
};
