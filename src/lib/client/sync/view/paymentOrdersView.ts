import type { PaymentOrderRow } from '$lib/domain/sync/tables';
import type { TokDb } from '../../db';
import type { PaymentOrderView } from '../effects';
import type { OutboxRow } from '../outbox/outboxRow';
import { applyEffects } from './applyEffects';

/**
 * An account's payment orders as the person sees them: the server's orders, and on top the
 * intents not yet turned into one ("waiting for network"). Newest first; an intent yields to
 * its order as soon as the pull brings it.
 */
export function mergePaymentOrders(
	serverRows: PaymentOrderRow[],
	commands: OutboxRow[],
	accountId: number
): PaymentOrderView[] {
	const rows = serverRows.map((r): PaymentOrderView => ({
		...r,
		pending: false,
		needsAttention: null
	}));
	return applyEffects('paymentOrders', rows, commands)
		.filter((r) => r.accountId === accountId)
		.sort((a, b) => b.createdAtMs - a.createdAtMs || (a.id < b.id ? 1 : -1));
}

/** `mergePaymentOrders` read once from the user's IndexedDB (watch it with `watched`). */
export function paymentOrdersOf(db: TokDb, accountId: number): Promise<PaymentOrderView[]> {
	return db.transaction('r', db.paymentOrders, db.outbox, async () => {
		const [rows, commands] = await Promise.all([
			db.paymentOrders.where('accountId').equals(accountId).toArray(),
			db.outbox.toArray()
		]);
		return mergePaymentOrders(rows, commands, accountId);
	});
}
