import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { meters } from './accounts';
import { users } from './auth';
import { READING_SOURCES } from './readings';

export const SUSPECT_STATUSES = ['held', 'accepted', 'corrected'] as const;
export type SuspectStatus = (typeof SUSPECT_STATUSES)[number];

/**
 * Readings that arrived in order but imply more usage a day than a household can draw (a
 * head-end's glitch, a typo in an import). They are kept here, not in `readings`, so nothing
 * bills or shows them until an operator accepts the value or corrects it; then the reading goes
 * into `readings` like any other and the row here records who decided what.
 */
export const suspectReadings = sqliteTable(
	'suspect_readings',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		meterId: integer('meter_id')
			.notNull()
			.references(() => meters.id),
		date: text('date').notNull(),
		valueWh: integer('value_wh').notNull(),
		source: text('source', { enum: READING_SOURCES }).notNull(),
		// 'usage_above_ceiling' and the figures behind it, for the operator.
		reason: text('reason').notNull(),
		detail: text('detail').notNull(),
		receivedAtMs: integer('received_at_ms').notNull(),
		status: text('status', { enum: SUSPECT_STATUSES }).notNull().default('held'),
		// What went into `readings`: the held value (accepted) or the operator's (corrected).
		appliedValueWh: integer('applied_value_wh'),
		resolvedByUserId: integer('resolved_by_user_id').references(() => users.id),
		resolvedAtMs: integer('resolved_at_ms')
	},
	(t) => [
		index('suspect_readings_status_idx').on(t.status, t.id),
		index('suspect_readings_meter_date_idx').on(t.meterId, t.date)
	]
);
