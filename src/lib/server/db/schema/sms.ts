import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Every SMS Tok sends, queued until the gateway takes it and kept as the operators' SMS log.
 * `text` is what goes out; a message that carries a password has it only until it is delivered
 * (or given up), after which only `log_text` (the password blanked) remains.
 */
export const smsMessages = sqliteTable(
	'sms_messages',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		// The full number (+998…): the gateway needs it, and the per-phone hourly cap counts by it.
		// Operators see it masked.
		toPhone: text('to_phone').notNull(),
		kind: text('kind', { enum: ['credentials', 'not_registered', 'help'] }).notNull(),
		text: text('text'),
		logText: text('log_text').notNull(),
		status: text('status', { enum: ['queued', 'sent', 'failed'] })
			.notNull()
			.default('queued'),
		attempts: integer('attempts').notNull().default(0),
		// When the worker may try next; a claimed message is pushed ahead by the claim itself, so
		// two drains (or two processes) never send it at the same time.
		nextAttemptAtMs: integer('next_attempt_at_ms').notNull(),
		createdAtMs: integer('created_at_ms').notNull(),
		sentAtMs: integer('sent_at_ms'),
		lastError: text('last_error'),
		// The gateway's id for the message (Eskiz answers with one).
		gatewayId: text('gateway_id'),
		userId: integer('user_id')
	},
	(t) => [
		index('sms_messages_due_idx').on(t.status, t.nextAttemptAtMs),
		index('sms_messages_phone_idx').on(t.toPhone, t.createdAtMs)
	]
);

/** Inbound SMS by the gateway's message id: a redelivered id is recognised and does nothing. */
export const smsInbound = sqliteTable('sms_inbound', {
	gatewayId: text('gateway_id').primaryKey(),
	fromMasked: text('from_masked').notNull(),
	receivedAtMs: integer('received_at_ms').notNull(),
	// What the message led to: 'credentials', 'not_registered', 'help', 'ignored', 'rate_limited'.
	outcome: text('outcome').notNull()
});
