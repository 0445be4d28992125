import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { accounts, meters } from './accounts';
import { users } from './auth';
import { districts } from './geo';
import { serviceRequests } from './requests';
import {
	REVIEW_REASONS,
	WORK_KINDS,
	WORK_ORDER_STATUSES
} from '../../../domain/inspection/workOrders';

/**
 * The districts an operator or inspector works in: an operator sees the requests and accounts
 * of these only, an inspector is assigned work in them. Admins have none and see everything.
 */
export const staffDistricts = sqliteTable(
	'staff_districts',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		districtSoato: text('district_soato')
			.notNull()
			.references(() => districts.soato)
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.districtSoato] }),
		index('staff_districts_district_idx').on(t.districtSoato)
	]
);

/** One visit an inspector is sent on: made by the office, from a request or on its own. */
export const workOrders = sqliteTable(
	'work_orders',
	{
		// Server-made UUIDv7.
		id: text('id').primaryKey(),
		requestId: text('request_id').references(() => serviceRequests.id),
		accountId: integer('account_id')
			.notNull()
			.references(() => accounts.id),
		// The meter the order was made for: a result about another one is a conflict.
		meterId: integer('meter_id')
			.notNull()
			.references(() => meters.id),
		kind: text('kind', { enum: WORK_KINDS }).notNull(),
		status: text('status', { enum: WORK_ORDER_STATUSES }).notNull(),
		inspectorUserId: integer('inspector_user_id')
			.notNull()
			.references(() => users.id),
		scheduledDate: text('scheduled_date'),
		// The office's instruction to the inspector.
		note: text('note').notNull().default(''),
		createdByUserId: integer('created_by_user_id').references(() => users.id),
		createdAtMs: integer('created_at_ms').notNull(),
		updatedAtMs: integer('updated_at_ms').notNull(),
		// Sync version (schema/sync.ts): the assigned inspector's phone pulls it.
		version: integer('version').notNull().default(0)
	},
	(t) => [
		index('work_orders_inspector_idx').on(t.inspectorUserId, t.status),
		index('work_orders_account_idx').on(t.accountId),
		index('work_orders_request_idx').on(t.requestId),
		index('work_orders_version_idx').on(t.version)
	]
);

/**
 * Every inspector an order has been given to: the current one (unassignedAtMs null) and those it
 * was taken from, whose phones keep showing it as reassigned.
 */
export const workOrderAssignees = sqliteTable(
	'work_order_assignees',
	{
		workOrderId: text('work_order_id')
			.notNull()
			.references(() => workOrders.id),
		inspectorUserId: integer('inspector_user_id')
			.notNull()
			.references(() => users.id),
		assignedAtMs: integer('assigned_at_ms').notNull(),
		unassignedAtMs: integer('unassigned_at_ms')
	},
	(t) => [
		primaryKey({ columns: [t.workOrderId, t.inspectorUserId] }),
		index('work_order_assignees_inspector_idx').on(t.inspectorUserId)
	]
);

/**
 * What an inspector recorded for an order, exactly as the phone sent it (the command's payload),
 * kept whatever happens to it: applied, or held for review with the reason and what it met.
 */
export const inspectionResults = sqliteTable(
	'inspection_results',
	{
		// The phone's UUIDv7 for the result: a repeat of the command finds it.
		id: text('id').primaryKey(),
		workOrderId: text('work_order_id')
			.notNull()
			.references(() => workOrders.id),
		inspectorUserId: integer('inspector_user_id')
			.notNull()
			.references(() => users.id),
		accountId: integer('account_id')
			.notNull()
			.references(() => accounts.id),
		kind: text('kind', { enum: WORK_KINDS }).notNull(),
		// The command's payload as JSON: the inspector's version, shown beside the server's.
		payload: text('payload').notNull(),
		recordedAtMs: integer('recorded_at_ms').notNull(),
		receivedAtMs: integer('received_at_ms').notNull(),
		outcome: text('outcome', { enum: ['applied', 'needs_review'] }).notNull(),
		reviewReason: text('review_reason', { enum: REVIEW_REASONS }),
		// What the result met on the server (the other meter with that seal, the new meter…), JSON.
		conflictDetail: text('conflict_detail'),
		reviewedByUserId: integer('reviewed_by_user_id').references(() => users.id),
		reviewedAtMs: integer('reviewed_at_ms'),
		reviewNote: text('review_note')
	},
	(t) => [
		index('inspection_results_order_idx').on(t.workOrderId),
		index('inspection_results_outcome_idx').on(t.outcome, t.reviewedAtMs)
	]
);

/** Every seal number ever put on a meter: unique across the system for life. */
export const seals = sqliteTable(
	'seals',
	{
		// Normalized (domain/inspection/workOrders normalizeSealNumber).
		number: text('number').primaryKey(),
		meterId: integer('meter_id')
			.notNull()
			.references(() => meters.id),
		resultId: text('result_id').references(() => inspectionResults.id),
		installedAtMs: integer('installed_at_ms').notNull(),
		removedAtMs: integer('removed_at_ms')
	},
	(t) => [index('seals_meter_idx').on(t.meterId)]
);

/**
 * A photo by its content's SHA-256 (hex), stored once under $DATA_DIR/uploads however often it
 * is sent; `receivedBytes` grows chunk by chunk until it equals `sizeBytes` and the hash checks.
 */
export const photos = sqliteTable(
	'photos',
	{
		sha256: text('sha256').primaryKey(),
		sizeBytes: integer('size_bytes').notNull(),
		mimeType: text('mime_type').notNull(),
		receivedBytes: integer('received_bytes').notNull().default(0),
		complete: integer('complete', { mode: 'boolean' }).notNull().default(false),
		uploadedByUserId: integer('uploaded_by_user_id')
			.notNull()
			.references(() => users.id),
		createdAtMs: integer('created_at_ms').notNull(),
		completedAtMs: integer('completed_at_ms')
	},
	(t) => [index('photos_uploader_idx').on(t.uploadedByUserId)]
);

/** Which result a photo belongs to (a photo may, rarely, be attached to two). */
export const resultPhotos = sqliteTable(
	'result_photos',
	{
		resultId: text('result_id')
			.notNull()
			.references(() => inspectionResults.id),
		sha256: text('sha256').notNull()
	},
	(t) => [primaryKey({ columns: [t.resultId, t.sha256] })]
);
