import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const regions = sqliteTable('regions', {
	soato: text('soato').primaryKey(),
	nameUz: text('name_uz').notNull(),
	nameUzCyrl: text('name_uz_cyrl').notNull(),
	nameRu: text('name_ru').notNull()
});

export const districts = sqliteTable(
	'districts',
	{
		soato: text('soato').primaryKey(),
		regionSoato: text('region_soato')
			.notNull()
			.references(() => regions.soato),
		kind: text('kind', { enum: ['tuman', 'city'] }).notNull(),
		nameUz: text('name_uz').notNull(),
		nameUzCyrl: text('name_uz_cyrl').notNull(),
		nameRu: text('name_ru').notNull()
	},
	(t) => [index('districts_region_idx').on(t.regionSoato)]
);
