import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { meters } from './accounts';

/** Who took a reading: a smart meter's head-end, an inspector, the resident, an operator's import. */
export const READING_SOURCES = ['smart', 'inspector', 'resident', 'import'] as const;
export type ReadingSource = (typeof READING_SOURCES)[number];

export const readings = sqliteTable(
	'readings',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		meterId: integer('meter_id')
			.notNull()
			.references(() => meters.id),
		// The day the reading was taken (not the day it arrived): 'YYYY-MM-DD'.
		date: text('date').notNull(),
		// Cumulative register value in Wh.
		valueWh: integer('value_wh').notNull(),
		source: text('source', { enum: READING_SOURCES }).notNull(),
		estimated: integer('estimated', { mode: 'boolean' }).notNull().default(false),
		receivedAtMs: integer('received_at_ms').notNull(),
		// Sync version (see schema/sync.ts); every insert or correction takes a new one.
		version: integer('version').notNull().default(0)
	},
	(t) => [
		uniqueIndex('readings_meter_date_uq').on(t.meterId, t.date),
		index('readings_meter_version_idx').on(t.meterId, t.version)
	]
);
