import type { AppPaymentOperatorId } from '$lib/domain/payments/operators';
import { APP_PAYMENT_OPERATORS } from '$lib/domain/payments/operators';
import { trpc } from '../trpc';

// Which operators the server has configured, remembered on the device so that the top-up form
// offers them offline too (an intent made offline is sent when the network is back).
const KEY = 'tok-payment-operators';

function remembered(): AppPaymentOperatorId[] | null {
	try {
		const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
		if (!Array.isArray(parsed)) return null;
		return APP_PAYMENT_OPERATORS.filter((id) => parsed.includes(id));
	} catch {
		return null;
	}
}

/** The configured operators: what the device remembers now, the server's answer when it comes. */
export function usePaymentOperators(): { readonly list: AppPaymentOperatorId[] | null } {
	let list = $state<AppPaymentOperatorId[] | null>(remembered());
	trpc.payments.operators
		.query()
		.then((fresh) => {
			list = fresh;
			localStorage.setItem(KEY, JSON.stringify(fresh));
		})
		// Offline or signed out: keep what the device remembers.
		.catch(() => {});
	return {
		get list() {
			return list;
		}
	};
}
