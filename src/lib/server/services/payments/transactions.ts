import type { Db } from '../../db';
import { tashkentToday } from '../../../domain/dates';
import { appendLedgerEntry } from '../ledger';
import { reserveVersions } from '../../db/version';
import { orderDue } from './orders';
import { PaymentError } from './errors';
import { isPaymentAmount, PENDING_TIMEOUT_MS } from './limits';
import type { PaymentOperatorId } from '../../../domain/payments/operators';
import { prepared } from '../../db/prepared';

/**
 * Operator transactions and their state machine:
 *   1 created (pending) → 2 performed (the ledger is credited)
 *   1 → -1 cancelled before perform (nothing was credited)
 *   2 → -2 cancelled after perform (a refund entry takes the money back)
 * Every change runs in one `BEGIN IMMEDIATE` transaction that reads the row first, so two calls
 * for one transaction (from two requests or two processes) are serialised and the second sees
 * what the first wrote; the ledger's unique source reference is the last guard against a double
 * credit.
 */

export type { PaymentOperatorId } from '../../../domain/payments/operators';

/** Each statement prepared once per database: preparing costs more than running (the bench). */
const statement = (db: Db, sql: string) => prepared(db, sql, () => db.$client.prepare(sql));
export type TransactionState = 1 | 2 | -1 | -2;

export const CANCEL_REASON_TIMEOUT = 4;

export interface PaymentTransaction {
	id: number;
	operator: PaymentOperatorId;
	operatorTxId: string;
	accountId: number;
	accountNumber: string;
	orderId: string | null;
	amountTiyin: number;
	state: TransactionState;
	reason: number | null;
	operatorTimeMs: number;
	createdAtMs: number;
	performedAtMs: number | null;
	cancelledAtMs: number | null;
}

const SELECT = `select t.id, t.operator, t.operator_tx_id as operatorTxId, t.account_id as accountId,
	a.number as accountNumber, t.order_id as orderId, t.amount_tiyin as amountTiyin, t.state,
	t.reason, t.operator_time_ms as operatorTimeMs, t.created_at_ms as createdAtMs,
	t.performed_at_ms as performedAtMs, t.cancelled_at_ms as cancelledAtMs
	from payment_transactions t join accounts a on a.id = t.account_id`;

export function findTransaction(
	db: Db,
	operator: PaymentOperatorId,
	operatorTxId: string
): PaymentTransaction | undefined {
	return statement(db, `${SELECT} where t.operator = ? and t.operator_tx_id = ?`).get(
		operator,
		operatorTxId
	) as PaymentTransaction | undefined;
}

/** The operator's transactions whose operator time lies in [fromMs, toMs], oldest first. */
export function listTransactions(
	db: Db,
	operator: PaymentOperatorId,
	fromMs: number,
	toMs: number
): PaymentTransaction[] {
	return statement(
		db,
		`${SELECT} where t.operator = ? and t.operator_time_ms between ? and ? order by t.operator_time_ms, t.id`
	).all(operator, fromMs, toMs) as PaymentTransaction[];
}

export interface Payable {
	accountNumber: string;
	/** A Tok order id, when the payment came from the app. */
	orderId?: string | null;
	amountTiyin: number;
	/** Now, when known: an open order past its expiry is refused like a closed one. */
	nowMs?: number;
}

/**
 * Whether `payable` may be paid: the account exists, the amount is in range and, with an order,
 * the order is open (not expired), of this account and amount, and has no other pending transaction.
 * Returns the account's id. `exceptTxId` is the transaction asking (it does not block itself).
 */
export function checkPayable(
	db: Db,
	operator: PaymentOperatorId,
	payable: Payable,
	exceptTxId?: string
): { accountId: number } {
	if (!isPaymentAmount(payable.amountTiyin))
		throw new PaymentError('amount_out_of_range', 'amount');
	const account = statement(db, 'select id from accounts where number = ?').get(
		payable.accountNumber
	) as { id: number } | undefined;
	if (!account) throw new PaymentError('account_not_found', 'account');
	if (payable.orderId != null) {
		const order = statement(
			db,
			'select account_id as accountId, amount_tiyin as amountTiyin, status, created_at_ms as createdAtMs from payment_orders where id = ? and operator = ?'
		).get(payable.orderId, operator) as
			{ accountId: number; amountTiyin: number; status: string; createdAtMs: number } | undefined;
		if (!order) throw new PaymentError('order_not_found', 'order');
		if (order.accountId !== account.id) throw new PaymentError('order_other_account', 'order');
		if (order.status !== 'open') throw new PaymentError('order_closed', 'order');
		if (payable.nowMs !== undefined && orderDue(order, payable.nowMs))
			throw new PaymentError('order_closed', 'order');
		if (order.amountTiyin !== payable.amountTiyin)
			throw new PaymentError('order_amount_differs', 'amount');
		const pending = statement(
			db,
			'select 1 from payment_transactions where order_id = ? and state = 1 and operator_tx_id <> ?'
		).get(payable.orderId, exceptTxId ?? '');
		if (pending) throw new PaymentError('order_busy', 'order');
	}
	return { accountId: account.id };
}

function timedOut(tx: PaymentTransaction, nowMs: number): boolean {
	return nowMs - tx.createdAtMs >= PENDING_TIMEOUT_MS;
}

function cancelPending(db: Db, tx: PaymentTransaction, reason: number, nowMs: number): void {
	statement(
		db,
		'update payment_transactions set state = -1, reason = ?, cancelled_at_ms = ? where id = ? and state = 1'
	).run(reason, nowMs, tx.id);
}

/**
 * Opens the transaction `operatorTxId`, or returns it when it exists already and still pending
 * (a retried create). Refuses `cannot_perform` for a transaction no longer pending, and
 * `timed_out` for one whose operator time, or own pending time, is past the timeout (the
 * latter is then cancelled with reason 4).
 */
export function createTransaction(
	db: Db,
	input: Payable & {
		operator: PaymentOperatorId;
		operatorTxId: string;
		operatorTimeMs: number;
		nowMs: number;
	}
): PaymentTransaction {
	let expired = false;
	const result = db.$client
		.transaction(() => {
			const existing = findTransaction(db, input.operator, input.operatorTxId);
			if (existing) {
				if (
					existing.accountNumber !== input.accountNumber ||
					existing.amountTiyin !== input.amountTiyin ||
					(existing.orderId ?? null) !== (input.orderId ?? null)
				)
					throw new PaymentError('transaction_differs', 'id');
				if (existing.state !== 1) throw new PaymentError('cannot_perform', 'id');
				if (timedOut(existing, input.nowMs)) {
					cancelPending(db, existing, CANCEL_REASON_TIMEOUT, input.nowMs);
					expired = true;
					return undefined;
				}
				return existing;
			}
			const { accountId } = checkPayable(db, input.operator, input, input.operatorTxId);
			if (input.nowMs - input.operatorTimeMs >= PENDING_TIMEOUT_MS)
				throw new PaymentError('timed_out', 'time');
			const { lastInsertRowid } = statement(
				db,
				`insert into payment_transactions (operator, operator_tx_id, account_id, order_id, amount_tiyin, state, operator_time_ms, created_at_ms)
					 values (?, ?, ?, ?, ?, 1, ?, ?)`
			).run(
				input.operator,
				input.operatorTxId,
				accountId,
				input.orderId ?? null,
				input.amountTiyin,
				input.operatorTimeMs,
				input.nowMs
			);
			// The row as just written, without reading it back (a create is half of every payment).
			const created: PaymentTransaction = {
				id: Number(lastInsertRowid),
				operator: input.operator,
				operatorTxId: input.operatorTxId,
				accountId,
				accountNumber: input.accountNumber,
				orderId: input.orderId ?? null,
				amountTiyin: input.amountTiyin,
				state: 1,
				reason: null,
				operatorTimeMs: input.operatorTimeMs,
				createdAtMs: input.nowMs,
				performedAtMs: null,
				cancelledAtMs: null
			};
			return created;
		})
		.immediate();
	// The timeout's cancellation is committed above; only then is the call refused.
	if (expired || !result) throw new PaymentError('timed_out', 'id');
	return result;
}

/**
 * Performs the transaction: state 2, the `payment` ledger entry (`<operator>:<id>`) and the
 * cached balance in one transaction, the order marked paid. A repeat returns the performed
 * transaction and credits nothing. A pending transaction past the timeout is cancelled with
 * reason 4 and refused `timed_out`; a cancelled one is refused `cannot_perform`.
 */
export function performTransaction(
	db: Db,
	input: { operator: PaymentOperatorId; operatorTxId: string; nowMs: number }
): PaymentTransaction {
	let expired = false;
	const result = db.$client
		.transaction(() => {
			const tx = findTransaction(db, input.operator, input.operatorTxId);
			if (!tx) throw new PaymentError('transaction_not_found', 'id');
			if (tx.state === 2) return tx;
			if (tx.state !== 1) throw new PaymentError('cannot_perform', 'id');
			if (timedOut(tx, input.nowMs)) {
				cancelPending(db, tx, CANCEL_REASON_TIMEOUT, input.nowMs);
				expired = true;
				return undefined;
			}
			statement(
				db,
				'update payment_transactions set state = 2, performed_at_ms = ? where id = ? and state = 1'
			).run(input.nowMs, tx.id);
			appendLedgerEntry(db, {
				accountId: tx.accountId,
				kind: 'payment',
				amountTiyin: tx.amountTiyin,
				date: tashkentToday(input.nowMs),
				sourceRef: `${tx.operator}:${tx.operatorTxId}`,
				operator: tx.operator,
				createdAtMs: input.nowMs
			});
			if (tx.orderId) {
				// The receipt, with the balance as this very credit left it.
				const { balance } = statement(
					db,
					'select balance_tiyin as balance from accounts where id = ?'
				).get(tx.accountId) as { balance: number };
				statement(
					db,
					`update payment_orders set status = 'paid', paid_at_ms = ?, receipt_operator_tx_id = ?,
					 receipt_account_number = ?, receipt_balance_after_tiyin = ?, version = ? where id = ?`
				).run(
					input.nowMs,
					tx.operatorTxId,
					tx.accountNumber,
					balance,
					reserveVersions(db),
					tx.orderId
				);
			}
			// The row read above under the write lock, as the update left it (no second read).
			const performed: PaymentTransaction = { ...tx, state: 2, performedAtMs: input.nowMs };
			return performed;
		})
		.immediate();
	if (expired || !result) throw new PaymentError('timed_out', 'id');
	return result;
}

/**
 * Cancels the transaction with the operator's `reason`: a pending one becomes -1; a performed
 * one -2 with a `refund` ledger entry (`<operator>:<id>:refund`) taking the amount back and the
 * order marked refunded. A repeat returns the cancelled transaction unchanged (same time).
 */
export function cancelTransaction(
	db: Db,
	input: { operator: PaymentOperatorId; operatorTxId: string; reason: number; nowMs: number }
): PaymentTransaction {
	return db.$client
		.transaction(() => {
			const tx = findTransaction(db, input.operator, input.operatorTxId);
			if (!tx) throw new PaymentError('transaction_not_found', 'id');
			if (tx.state < 0) return tx;
			if (tx.state === 1) {
				cancelPending(db, tx, input.reason, input.nowMs);
			} else {
				statement(
					db,
					'update payment_transactions set state = -2, reason = ?, cancelled_at_ms = ? where id = ? and state = 2'
				).run(input.reason, input.nowMs, tx.id);
				appendLedgerEntry(db, {
					accountId: tx.accountId,
					kind: 'refund',
					amountTiyin: -tx.amountTiyin,
					date: tashkentToday(input.nowMs),
					sourceRef: `${tx.operator}:${tx.operatorTxId}:refund`,
					operator: tx.operator,
					createdAtMs: input.nowMs
				});
				if (tx.orderId)
					statement(
						db,
						"update payment_orders set status = 'refunded', closed_at_ms = ?, version = ? where id = ?"
					).run(input.nowMs, reserveVersions(db), tx.orderId);
			}
			return findTransaction(db, input.operator, input.operatorTxId)!;
		})
		.immediate();
}
