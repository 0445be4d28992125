import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { readings, READING_SOURCES } from './readings';

/**
 * The history of readings whose value changed after they were stored: a head-end that resends a
 * day with a different value, an operator's import that fixes a typo. `readings` holds the value
 * in force; each row here is one change, never updated or deleted.
 */
export const readingCorrections = sqliteTable(
	'reading_corrections',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		readingId: integer('reading_id')
			.notNull()
			.references(() => readings.id),
		oldValueWh: integer('old_value_wh').notNull(),
		newValueWh: integer('new_value_wh').notNull(),
		oldSource: text('old_source', { enum: READING_SOURCES }).notNull(),
		// Who sent the new value.
		source: text('source', { enum: READING_SOURCES }).notNull(),
		correctedAtMs: integer('corrected_at_ms').notNull()
	},
	(t) => [index('reading_corrections_reading_idx').on(t.readingId)]
);
