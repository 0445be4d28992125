import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { paymentOrders } from './payments';

// OSON's invoice for an order: Tok asks OSON for it once and keeps its pay_url, so a second
// checkout of the same order opens the same invoice instead of a second one. Tok's order id is
// OSON's `transaction_id`; `bill_id` is OSON's id of the payment once it is paid.
export const osonInvoices = sqliteTable('oson_invoices', {
	orderId: text('order_id')
		.primaryKey()
		.references(() => paymentOrders.id),
	payUrl: text('pay_url').notNull(),
	// OSON's status as last heard (webhook or poll): REGISTRED, PAID, DECLINED, PAY_ERROR, EXPIRED.
	status: text('status').notNull(),
	billId: text('bill_id'),
	createdAtMs: integer('created_at_ms').notNull(),
	// When Tok last asked OSON for the status (the poll for a late webhook), ms.
	polledAtMs: integer('polled_at_ms')
});
