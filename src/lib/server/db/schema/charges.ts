import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { accounts } from './accounts';

/**
 * What an account owes for one calendar month, as the billing run rated it. Rows are never
 * updated: revision 0 is the month's charge, and a month re-rated after its readings changed gets
 * revision 1, 2, … with the new full figures. The latest revision is the bill; the ledger holds
 * revision 0's amount (`billing:YYYY-MM`) and each later difference
 * (`billing:YYYY-MM:correction:N`).
 */
export const charges = sqliteTable(
	'charges',
	{
		// A plain rowid: AUTOINCREMENT's bookkeeping costs a third of each insert in a billing run.
		id: integer('id').primaryKey(),
		accountId: integer('account_id')
			.notNull()
			.references(() => accounts.id),
		// 'YYYY-MM'
		month: text('month').notNull(),
		revision: integer('revision').notNull(),
		usageWh: integer('usage_wh').notNull(),
		// The month's full amount at this revision, positive (the ledger entry is negative).
		amountTiyin: integer('amount_tiyin').notNull(),
		// True when a month-edge reading was missing and interpolated.
		estimated: integer('estimated', { mode: 'boolean' }).notNull(),
		// The block lines as JSON (see services/billing/README.md): they are only ever read with
		// their charge, and one row per charge keeps a million-account run fast.
		linesJson: text('lines_json').notNull(),
		createdAtMs: integer('created_at_ms').notNull(),
		version: integer('version').notNull().default(0)
	},
	(t) => [
		uniqueIndex('charges_account_month_revision_uq').on(t.accountId, t.month, t.revision),
		index('charges_account_version_idx').on(t.accountId, t.version)
	]
);
