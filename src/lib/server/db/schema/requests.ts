import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { accounts } from './accounts';
import { REQUEST_STATUSES } from '../../../domain/requests/status';
import { REQUEST_KINDS } from '../../../domain/sync/commands';

export const serviceRequests = sqliteTable(
	'service_requests',
	{
		// Client-made UUIDv7, so that a request made offline keeps its identity.
		id: text('id').primaryKey(),
		accountId: integer('account_id')
			.notNull()
			.references(() => accounts.id),
		kind: text('kind', {
			enum: REQUEST_KINDS
		}).notNull(),
		status: text('status', {
			enum: REQUEST_STATUSES
		}).notNull(),
		reason: text('reason').notNull().default(''),
		note: text('note').notNull().default(''),
		contactPhone: text('contact_phone'),
		preferredDate: text('preferred_date'),
		statusReason: text('status_reason'),
		createdAtMs: integer('created_at_ms').notNull(),
		updatedAtMs: integer('updated_at_ms').notNull(),
		version: integer('version').notNull().default(0)
	},
	(t) => [
		index('requests_account_idx').on(t.accountId),
		index('requests_account_version_idx').on(t.accountId, t.version),
		// "Is one of this kind already open?" on every new request.
		index('requests_account_kind_status_idx').on(t.accountId, t.kind, t.status)
	]
);

/** Each status a request has had, with who set it and why: the timeline a resident sees. */
export const requestEvents = sqliteTable(
	'request_events',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		requestId: text('request_id')
			.notNull()
			.references(() => serviceRequests.id),
		status: text('status', {
			enum: REQUEST_STATUSES
		}).notNull(),
		reason: text('reason'),
		byUserId: integer('by_user_id'),
		atMs: integer('at_ms').notNull()
	},
	(t) => [index('request_events_request_idx').on(t.requestId)]
);
