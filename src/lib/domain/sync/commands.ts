import { z } from 'zod';
import { accountIdInput } from '../account';
import { isCalendarDay } from '../dates';
import { APP_PAYMENT_OPERATORS } from '../payments/operators';
import { isPaymentAmount } from '../payments/limits';

// Every command kind, declared once: its name and the zod schema of its payload, shared by the
// client (validated before it enters the outbox) and the server (validated again on push). The
// server's handlers (src/lib/server/sync/handlers.ts) and the client's optimistic effects
// (src/lib/client/sync/effects.ts) are Records over CommandKind, so a kind cannot be half-added.

export const REQUEST_KINDS = [
	'disconnection',
	'meter_replacement',
	'inspection',
	'sealing'
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

// Lower case before anything compares it: the same id in capitals is the same request.
const uuidV7 = () =>
	z
		.string()
		.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
			error: 'error.invalid_input'
		})
		.transform((id) => id.toLowerCase());
const requestId = uuidV7();

export const COMMANDS = {
	'request.create': accountIdInput.extend({
		requestId,
		kind: z.enum(REQUEST_KINDS, { error: 'error.request_kind' }),
		reason: z.string().trim().max(500, { error: 'error.text_too_long' }).default(''),
		note: z.string().trim().max(1000, { error: 'error.text_too_long' }).default(''),
		contactPhone: z
			.string()
			.trim()
			.regex(/^\+998\d{9}$/, { error: 'error.phone_format' })
			.nullable()
			.default(null),
		preferredDate: z
			.string({ error: 'error.date_format' })
			.refine(isCalendarDay, { error: 'error.date_format' })
			.nullable()
			.default(null)
	}),
	'request.cancel': z.object({ requestId }),
	// A top-up the person chose, made offline if need be; the server opens one order per intent id.
	'payment.intent': accountIdInput.extend({
		intentId: uuidV7(),
		operator: z.enum(APP_PAYMENT_OPERATORS, { error: 'error.payment_operator' }),
		amountTiyin: z
			.number({ error: 'error.payment_amount' })
			.refine(isPaymentAmount, { error: 'error.payment_amount' })
	})
} as const;

export type CommandKind = keyof typeof COMMANDS;
export type CommandPayload<K extends CommandKind> = z.infer<(typeof COMMANDS)[K]>;
export const COMMAND_KINDS = Object.keys(COMMANDS) as CommandKind[];

export function isCommandKind(kind: string): kind is CommandKind {
	return Object.prototype.hasOwnProperty.call(COMMANDS, kind);
}
