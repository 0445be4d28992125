import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { accounts } from './accounts';

export const serviceRequests = sqliteTable(
	'service_requests',
	{
		// Client-made UUIDv7, so that a request made offline keeps its identity.
		id: text('id').primaryKey(),
		accountId: integer('account_id')
			.notNull()
			.references(() => accounts.id),
		kind: text('kind', {
			enum: ['disconnection', 'meter_replacement', 'inspection', 'sealing']
		}).notNull(),
		status: text('status', {
			enum: ['submitted', 'accepted', 'scheduled', 'done', 'rejected', 'cancelled']
		}).notNull(),
		note: text('note').notNull().default(''),
		contactPhone: text('contact_phone'),
		preferredDate: text('preferred_date'),
		statusReason: text('status_reason'),
		createdAtMs: integer('created_at_ms').notNull(),
		updatedAtMs: integer('updated_at_ms').notNull()
	},
	(t) => [index('requests_account_idx').on(t.accountId)]
);
