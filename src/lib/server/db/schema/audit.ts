import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Append-only: who did what to whose sign-in, when and from where. Nothing updates or deletes a
 * row. Phone numbers and PINFLs are masked before they are written (domain/masking.ts), so the
 * log can be shown to operators as it is.
 */
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		atMs: integer('at_ms').notNull(),
		// What happened: 'sign_in', 'sign_in_failed', 'lockout', 'password_reset', 'sms_sent',
		// 'oneid_linked', 'oneid_refused', 'account_unlinked', … (AUDIT_EVENTS in services/audit.ts).
		event: text('event').notNull(),
		// The user it concerns, when known (a failure for an unknown login has none).
		userId: integer('user_id'),
		// The login, masked phone or account number the event names, for reading and filtering.
		subject: text('subject').notNull().default(''),
		// The client's address as the server saw it (server/http/clientAddress.ts).
		address: text('address').notNull().default(''),
		// Small JSON with the rest (reason of a refusal, account numbers), masked like the rest.
		detail: text('detail').notNull().default('{}')
	},
	(t) => [index('audit_log_at_idx').on(t.atMs), index('audit_log_user_idx').on(t.userId, t.atMs)]
);
