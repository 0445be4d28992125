import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { accounts } from './accounts';
import { PAYMENT_OPERATORS } from '../../../domain/payments/operators';

export const ledgerEntries = sqliteTable(
	'ledger_entries',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		accountId: integer('account_id')
			.notNull()
			.references(() => accounts.id),
		kind: text('kind', { enum: ['charge', 'payment', 'refund', 'adjustment'] }).notNull(),
		// Signed: a payment is positive (money in), a charge negative.
		amountTiyin: integer('amount_tiyin').notNull(),
		// The business date of the entry ('YYYY-MM-DD'); for a charge, the first day of the month after
		// the one it bills (the day that month is over); for a correction, the day it was made.
		date: text('date').notNull(),
		// Where it came from: 'billing:2025-03', 'payme:<transaction id>', 'demo:payment:17'.
		sourceRef: text('source_ref').notNull(),
		operator: text('operator', { enum: [...PAYMENT_OPERATORS, 'cash', 'bank'] }),
		createdAtMs: integer('created_at_ms').notNull(),
		version: integer('version').notNull().default(0)
	},
	// No index on (account_id, date): an account's entries are few and either index below finds
	// them; a third index took a tenth of a billing run's writing time.
	(t) => [
		uniqueIndex('ledger_source_uq').on(t.accountId, t.sourceRef),
		index('ledger_account_version_idx').on(t.accountId, t.version)
	]
);
