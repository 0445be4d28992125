import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable(
	'users',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		login: text('login').notNull(),
		passwordHash: text('password_hash').notNull(),
		role: text('role', { enum: ['resident', 'inspector', 'operator'] }).notNull(),
		displayName: text('display_name').notNull().default(''),
		phone: text('phone'),
		createdAtMs: integer('created_at_ms').notNull()
	},
	(t) => [uniqueIndex('users_login_uq').on(sql`lower(${t.login})`)]
);

export const sessions = sqliteTable(
	'sessions',
	{
		// SHA-256 of the cookie token: a leaked database does not hand out live sessions.
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAtMs: integer('created_at_ms').notNull(),
		expiresAtMs: integer('expires_at_ms').notNull()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);
