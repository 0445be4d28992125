import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { accounts } from './accounts';
import { PAYMENT_OPERATORS } from '../../../domain/payments/operators';

// One order per payment intent from the app; its id is the intent id, so a repeated intent
// finds the order it opened. A payment made by account number (a kiosk, another app) has none.
export const paymentOrders = sqliteTable(
	'payment_orders',
	{
		id: text('id').primaryKey(),
		accountId: integer('account_id')
			.notNull()
			.references(() => accounts.id),
		operator: text('operator', { enum: PAYMENT_OPERATORS }).notNull(),
		amountTiyin: integer('amount_tiyin').notNull(),
		// 'open' until a transaction for it is performed ('paid'), 'refunded' when the payment is cancelled after; 'expired' when never paid in time.
		status: text('status', { enum: ['open', 'paid', 'refunded', 'expired'] }).notNull(),
		createdAtMs: integer('created_at_ms').notNull(),
		paidAtMs: integer('paid_at_ms')
	},
	(t) => [index('payment_orders_account_idx').on(t.accountId)]
);

// A transaction as the operator knows it: the operator's own id is the key (unique per operator),
// so whatever the operator retries lands on the same row.
// state: 1 created (pending), 2 performed, -1 cancelled before perform, -2 cancelled after.
export const paymentTransactions = sqliteTable(
	'payment_transactions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		operator: text('operator', { enum: PAYMENT_OPERATORS }).notNull(),
		operatorTxId: text('operator_tx_id').notNull(),
		accountId: integer('account_id')
			.notNull()
			.references(() => accounts.id),
		orderId: text('order_id').references(() => paymentOrders.id),
		amountTiyin: integer('amount_tiyin').notNull(),
		state: integer('state').notNull(),
		// The operator's cancel reason code (Payme: 1–5, 10), null until cancelled.
		reason: integer('reason'),
		// When the operator says the transaction began (Payme's `time`), ms.
		operatorTimeMs: integer('operator_time_ms').notNull(),
		createdAtMs: integer('created_at_ms').notNull(),
		performedAtMs: integer('performed_at_ms'),
		cancelledAtMs: integer('cancelled_at_ms')
	},
	(t) => [
		uniqueIndex('payment_tx_operator_uq').on(t.operator, t.operatorTxId),
		index('payment_tx_order_idx').on(t.orderId),
		index('payment_tx_operator_time_idx').on(t.operator, t.operatorTimeMs)
	]
);

// An operator's merchant key as the operator last set it (Payme's ChangePassword): only its
// SHA-256, never the key. When a row exists it replaces the key from the environment for that
// operator's authentication.
export const paymentOperatorKeys = sqliteTable('payment_operator_keys', {
	operator: text('operator', { enum: PAYMENT_OPERATORS }).primaryKey(),
	keySha256: text('key_sha256').notNull(),
	changedAtMs: integer('changed_at_ms').notNull()
});
