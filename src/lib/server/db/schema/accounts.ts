import {
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { districts } from './geo';
import { users } from './auth';

export const accounts = sqliteTable(
	'accounts',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		// The personal account number (лицевой счёт / shaxsiy hisob): opaque digits, never a number.
		number: text('number').notNull(),
		districtSoato: text('district_soato')
			.notNull()
			.references(() => districts.soato),
		holderName: text('holder_name').notNull(),
		address: text('address').notNull(),
		phone: text('phone').notNull(),
		// The holder's PINFL (14 digits) as HET's billing holds it: a OneID sign-in with the same
		// PINFL may link the account. Null where HET has none on file. Never synced to phones.
		holderPinfl: text('holder_pinfl'),
		tariffClass: text('tariff_class', { enum: ['household', 'stove'] }).notNull(),
		// Cached sum of ledger_entries.amount_tiyin, written in the same transaction as each entry.
		balanceTiyin: integer('balance_tiyin').notNull().default(0),
		createdAtMs: integer('created_at_ms').notNull(),
		// Sync version of the account's own fields (address, holder…). Its summary (balance, last
		// payment, last reading) is sent again whenever any of the account's rows changes.
		version: integer('version').notNull().default(0)
	},
	(t) => [
		uniqueIndex('accounts_number_uq').on(t.number),
		index('accounts_district_idx').on(t.districtSoato),
		index('accounts_holder_pinfl_idx').on(t.holderPinfl)
	]
);

export const meters = sqliteTable(
	'meters',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		accountId: integer('account_id')
			.notNull()
			.references(() => accounts.id),
		serial: text('serial').notNull(),
		type: text('type', { enum: ['smart', 'manual'] }).notNull(),
		sealNumber: text('seal_number'),
		installedOn: text('installed_on').notNull(),
		removedOn: text('removed_on')
	},
	(t) => [uniqueIndex('meters_serial_uq').on(t.serial), index('meters_account_idx').on(t.accountId)]
);

export const userAccounts = sqliteTable(
	'user_accounts',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		accountId: integer('account_id')
			.notNull()
			.references(() => accounts.id),
		role: text('role', { enum: ['owner'] })
			.notNull()
			.default('owner'),
		createdAtMs: integer('created_at_ms').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.accountId] }),
		index('user_accounts_account_idx').on(t.accountId)
	]
);
