import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './auth';

// Every synced row carries `version`, taken from this one monotonic sequence (a single row, so
// the same SQL works on PostgreSQL). A pull returns rows whose version is above the cursor.
export const syncState = sqliteTable('sync_state', {
	id: integer('id').primaryKey(),
	version: integer('version').notNull()
});

/** A device (one browser profile, one signed-in user) and the last command seq applied from it. */
export const syncDevices = sqliteTable(
	'sync_devices',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		lastSeq: integer('last_seq').notNull().default(0),
		createdAtMs: integer('created_at_ms').notNull(),
		lastSeenAtMs: integer('last_seen_at_ms').notNull()
	},
	(t) => [index('sync_devices_user_idx').on(t.userId)]
);

/** Each command applied or refused, by its client-made id: a second delivery gets this result. */
export const syncCommands = sqliteTable(
	'sync_commands',
	{
		id: text('id').primaryKey(),
		deviceId: text('device_id')
			.notNull()
			.references(() => syncDevices.id, { onDelete: 'cascade' }),
		seq: integer('seq').notNull(),
		kind: text('kind').notNull(),
		status: text('status', { enum: ['applied', 'refused'] }).notNull(),
		resultJson: text('result_json'),
		reason: text('reason'),
		appliedAtMs: integer('applied_at_ms').notNull()
	},
	(t) => [uniqueIndex('sync_commands_device_seq_uq').on(t.deviceId, t.seq)]
);

/** Rows deleted on the server, so that devices delete them too. */
/** A tombstone's accountId for a row every device holds (a withdrawn tariff version). */
export const SHARED_TOMBSTONE_ACCOUNT_ID = 0;

export const syncTombstones = sqliteTable(
	'sync_tombstones',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		tableName: text('table_name').notNull(),
		rowKey: text('row_key').notNull(),
		accountId: integer('account_id').notNull(),
		version: integer('version').notNull()
	},
	(t) => [index('sync_tombstones_account_version_idx').on(t.accountId, t.version)]
);
