import type { Db } from '../../db';
import { reserveVersions } from '../../db/version';
import { PaymentError } from './errors';
import { isPaymentAmount, ORDER_EXPIRY_MS, PENDING_TIMEOUT_MS } from './limits';
import type { AppPaymentOperatorId, PaymentOperatorId } from '../../../domain/payments/operators';
import type { PaymentOrderRow } from '../../../domain/sync/tables';

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

/** Whether an open order is past its time to be paid (it is expired on the next sweep). */
export function orderDue(order: { createdAtMs: number }, nowMs: number): boolean {
	return nowMs - order.createdAtMs >= ORDER_EXPIRY_MS;
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
			const existing = findOrder(db, input.intentId);
			if (existing) return existing;
			db.$client
				.prepare(
					`insert into payment_orders (id, account_id, operator, amount_tiyin, status, created_at_ms, version)
					 values (?, ?, ?, ?, 'open', ?, ?)`
				)
				.run(
					input.intentId,
					input.accountId,
					input.operator,
					input.amountTiyin,
					input.nowMs,
					reserveVersions(db)
				);
			return findOrder(db, input.intentId)!;
		})
		.immediate();
}

/**
 * Closes as `expired` the open orders of these accounts that nobody paid in ORDER_EXPIRY_MS,
 * with a new sync version each, so phones learn it on their pull. An order with a pending
 * operator transaction still inside its own timeout is left open: that payment may still be
 * performed. Returns the accounts whose orders changed. Cheap when there is nothing to do (one
 * indexed read, no write transaction), so it runs on every pull and checkout.
 */
export function expireDueOrders(db: Db, accountIds: readonly number[], nowMs: number): number[] {
	if (accountIds.length === 0) return [];
	const due = `select o.id, o.account_id as accountId from payment_orders o
		where o.account_id in (select value from json_each(?)) and o.status = 'open' and o.created_at_ms <= ?
		and not exists (select 1 from payment_transactions t
			where t.order_id = o.id and t.state = 1 and t.created_at_ms > ?)`;
	const args = [JSON.stringify(accountIds), nowMs - ORDER_EXPIRY_MS, nowMs - PENDING_TIMEOUT_MS];
	if (!db.$client.prepare(due).get(...args)) return [];
	return db.$client
		.transaction(() => {
			// Read again under the write lock: a payment may have come in between.
			const rows = db.$client.prepare(due).all(...args) as { id: string; accountId: number }[];
			const first = reserveVersions(db, rows.length);
			const expire = db.$client.prepare(
				"update payment_orders set status = 'expired', closed_at_ms = ?, version = ? where id = ? and status = 'open'"
			);
			rows.forEach((row, i) => expire.run(nowMs, first + i, row.id));
			return [...new Set(rows.map((r) => r.accountId))];
		})
		.immediate();
}

interface OrderRecord {
	id: string;
	accountId: number;
	operator: AppPaymentOperatorId;
	amountTiyin: number;
	status: PaymentOrderRow['status'];
	createdAtMs: number;
	paidAtMs: number | null;
	closedAtMs: number | null;
	operatorTxId: string | null;
	accountNumber: string | null;
	balanceAfterTiyin: number | null;
	version: number;
}

/** An account's orders changed since `since`, as the phone stores them. */
export function orderRowsSince(
	db: Db,
	accountId: number,
	since: number
): Array<{ version: number; row: PaymentOrderRow }> {
	const records = db.$client
		.prepare(
			`select id, account_id as accountId, operator, amount_tiyin as amountTiyin, status,
			 created_at_ms as createdAtMs, paid_at_ms as paidAtMs, closed_at_ms as closedAtMs,
			 receipt_operator_tx_id as operatorTxId, receipt_account_number as accountNumber,
			 receipt_balance_after_tiyin as balanceAfterTiyin, version
			 from payment_orders where account_id = ? and version > ?`
		)
		.all(accountId, since) as OrderRecord[];
	return records.map((o) => ({
		version: o.version,
		row: {
			id: o.id,
			accountId: o.accountId,
			operator: o.operator,
			amountTiyin: o.amountTiyin,
			status: o.status,
			createdAtMs: o.createdAtMs,
			closedAtMs: o.status === 'paid' ? o.paidAtMs : o.closedAtMs,
			receipt:
				o.operatorTxId !== null && o.paidAtMs !== null
					? {
							operator: o.operator,
							operatorTxId: o.operatorTxId,
							amountTiyin: o.amountTiyin,
							paidAtMs: o.paidAtMs,
							accountNumber: o.accountNumber ?? '',
							balanceAfterTiyin: o.balanceAfterTiyin ?? 0
						}
					: null
		}
	}));
}
