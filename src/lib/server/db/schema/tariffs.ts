import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Tariff versions as data: the published ones, and each new one an operator publishes. */
export const tariffVersions = sqliteTable(
	'tariff_versions',
	{
		id: text('id').primaryKey(),
		tariffClass: text('tariff_class').notNull(),
		effectiveFrom: text('effective_from').notNull(),
		// [{ upToKwh: string | null, pricePerKwh: string }], validated by the tariff module.
		blocksJson: text('blocks_json').notNull(),
		publishedAtMs: integer('published_at_ms').notNull(),
		publishedByUserId: integer('published_by_user_id'),
		version: integer('version').notNull().default(0)
	},
	(t) => [uniqueIndex('tariff_versions_class_from_uq').on(t.tariffClass, t.effectiveFrom)]
);
