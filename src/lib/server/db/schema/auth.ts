import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ROLES } from '../../../domain/auth';

export const users = sqliteTable(
	'users',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		login: text('login').notNull(),
		passwordHash: text('password_hash').notNull(),
		role: text('role', { enum: ROLES }).notNull(),
		displayName: text('display_name').notNull().default(''),
		phone: text('phone'),
		// The PINFL OneID vouched for, for a person who signed in through OneID (null otherwise).
		// Kept as it is, not hashed: see "PINFL" in the README. Never sent to a phone, masked in logs.
		pinfl: text('pinfl'),
		// A password sent by "Forgot password?", valid beside the old one until its first use
		// (which makes it the password and ends the other sessions) or until it expires: someone
		// who asks a reset for another person's login locks nobody out.
		pendingPasswordHash: text('pending_password_hash'),
		pendingPasswordExpiresAtMs: integer('pending_password_expires_at_ms'),
		createdAtMs: integer('created_at_ms').notNull()
	},
	(t) => [
		uniqueIndex('users_login_uq').on(sql`lower(${t.login})`),
		uniqueIndex('users_pinfl_uq').on(t.pinfl)
	]
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
		// Last seen + SESSION_TTL_MS: a session ends after 30 days without a request.
		expiresAtMs: integer('expires_at_ms').notNull(),
		// Moved forward at most once per SESSION_TOUCH_MS, so that a busy phone is not a write a
		// request. 0 for sessions from before the column (their created_at_ms stands in).
		lastSeenAtMs: integer('last_seen_at_ms').notNull().default(0),
		// The browser's User-Agent when the session began, to name the device in Settings.
		userAgent: text('user_agent').notNull().default('')
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/**
 * The `state` of a OneID sign-in that has begun: its SHA-256, deleted when the callback uses it
 * (once) or when it is older than ONEID_STATE_TTL_MS. The browser holds the state itself in an
 * HttpOnly cookie, so a callback from another browser does not match.
 */
export const oneidStates = sqliteTable('oneid_states', {
	id: text('id').primaryKey(),
	createdAtMs: integer('created_at_ms').notNull()
});
