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
		// A password sent by "Forgot password?", valid beside the old one until its first use
		// (which makes it the password and ends the other sessions) or until it expires: someone
		// who asks a reset for another person's login locks nobody out.
		pendingPasswordHash: text('pending_password_hash'),
		pendingPasswordExpiresAtMs: integer('pending_password_expires_at_ms'),
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
