import type { Db } from '../../db';
import { PaymentError } from './errors';
import { isPaymentAmount } from './limits';
import type { PaymentOperatorId } from './transactions';

export interface PaymentOrder {
	id: string;
	accountId: number;
	operator: PaymentOperatorId;
	amountTiyin: number;
	status: 'open' | 'paid' | 'refunded' | 'expired';
	createdAtMs: number;
	paidAtMs: number | null;
}

const SELECT = `select id, account_id as accountId, operator, amount_tiyin as amountTiyin, status,
	created_at_ms as createdAtMs, paid_at_ms as paidAtMs from payment_orders where id = ?`;

export function findOrder(db: Db, id: string): PaymentOrder | undefined {
	return db.$client.prepare(SELECT).get(id) as PaymentOrder | undefined;
}

/**
 * Opens the order of a payment intent; `intentId` is its key, so a repeated intent returns the
 * order it opened (whatever the repeat says). The caller has checked that the account is the
 * person's own.
 */
export function openOrder(
	db: Db,
	input: {
		intentId: string;
		accountId: number;
		operator: PaymentOperatorId;
		amountTiyin: number;
		nowMs: number;
	}
): PaymentOrder {
	if (!isPaymentAmount(input.amountTiyin)) throw new PaymentError('amount_out_of_range', 'amount');
	return db.$client
		.transaction(() => {
			db.$client
				.prepare(
					`insert into payment_orders (id, account_id, operator, amount_tiyin, status, created_at_ms)
					 values (?, ?, ?, ?, 'open', ?) on conflict (id) do nothing`
				)
				.run(input.intentId, input.accountId, input.operator, input.amountTiyin, input.nowMs);
			return findOrder(db, input.intentId)!;
		})
		.immediate();
}
