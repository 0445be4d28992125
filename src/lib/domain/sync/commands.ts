import { z } from 'zod';
import { accountIdInput } from '../account';
import { isCalendarDay } from '../dates';
import { APP_PAYMENT_OPERATORS } from '../payments/operators';
import { isPaymentAmount } from '../payments/limits';
import { KWH_PATTERN } from '../readings/kwh';
import {
	CHECK_VERDICTS,
	CHECKLIST_ITEMS,
	isSealNumber,
	METER_SERIAL_PATTERN,
	normalizeSealNumber,
	PHOTO_TYPES,
	PHOTOS_PER_RESULT_MAX,
	PHOTO_MAX_BYTES,
	WORK_KINDS
} from '../inspection/workOrders';

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

const kwhText = () =>
	z.string({ error: 'error.kwh_format' }).trim().regex(KWH_PATTERN, { error: 'error.kwh_format' });
const sealNumber = () =>
	z
		.string({ error: 'error.seal_format' })
		.transform(normalizeSealNumber)
		.refine(isSealNumber, { error: 'error.seal_format' });

/** What an inspector recorded at one visit, by kind; the parts a kind needs are required below. */
const inspectionRecord = z
	.object({
		resultId: uuidV7(),
		workOrderId: z
			.string()
			.uuid({ error: 'error.invalid_input' })
			.transform((id) => id.toLowerCase()),
		kind: z.enum(WORK_KINDS, { error: 'error.invalid_input' }),
		// When the inspector recorded it, on the phone's clock (the server keeps its own time too).
		recordedAtMs: z.number({ error: 'error.invalid_input' }).int().positive(),
		// The meter's register: a check's reading, a sealing's or disconnection's reading, or for
		// a replacement the old meter's final one.
		readingKwh: kwhText().nullable().default(null),
		removedSeal: sealNumber().nullable().default(null),
		newSeal: sealNumber().nullable().default(null),
		checklist: z
			.object(
				Object.fromEntries(CHECKLIST_ITEMS.map((item) => [item, z.boolean()])) as Record<
					(typeof CHECKLIST_ITEMS)[number],
					z.ZodBoolean
				>
			)
			.nullable()
			.default(null),
		verdict: z.enum(CHECK_VERDICTS, { error: 'error.invalid_input' }).nullable().default(null),
		newMeterSerial: z
			.string({ error: 'error.meter_serial_format' })
			.transform((s) => s.replace(/\s+/g, '').toUpperCase())
			.refine((s) => METER_SERIAL_PATTERN.test(s), { error: 'error.meter_serial_format' })
			.nullable()
			.default(null),
		newMeterInitialKwh: kwhText().nullable().default(null),
		photos: z
			.array(
				z.object({
					sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'error.invalid_input' }),
					sizeBytes: z.number().int().positive().max(PHOTO_MAX_BYTES),
					type: z.enum(PHOTO_TYPES, { error: 'error.photo_type' })
				})
			)
			.max(PHOTOS_PER_RESULT_MAX, { error: 'error.too_many_photos' })
			.default([]),
		position: z
			.object({
				lat: z.number().min(-90).max(90),
				lon: z.number().min(-180).max(180),
				accuracyM: z.number().min(0).max(100_000)
			})
			.nullable()
			.default(null),
		notes: z.string().trim().max(2000, { error: 'error.text_too_long' }).default(''),
		// The resident's name, typed as their confirmation of the visit.
		confirmedBy: z.string().trim().max(200, { error: 'error.text_too_long' }).default('')
	})
	.superRefine((r, ctx) => {
		const need = (field: keyof typeof r, error: string) => {
			if (r[field] === null) ctx.addIssue({ code: 'custom', path: [field], message: error });
		};
		if (r.kind === 'sealing') need('newSeal', 'error.seal_required');
		if (r.kind === 'meter_check') {
			need('readingKwh', 'error.kwh_format');
			need('checklist', 'error.checklist_required');
			need('verdict', 'error.verdict_required');
		}
		if (r.kind === 'meter_replacement') {
			need('readingKwh', 'error.kwh_format');
			need('newMeterSerial', 'error.meter_serial_format');
			need('newMeterInitialKwh', 'error.kwh_format');
			need('newSeal', 'error.seal_required');
		}
		if (r.kind === 'disconnection') need('readingKwh', 'error.kwh_format');
		if (r.newSeal !== null && r.newSeal === r.removedSeal)
			ctx.addIssue({ code: 'custom', path: ['newSeal'], message: 'error.seal_same' });
	});

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
	}),
	// An inspector's result for one work order, recorded offline; photos upload on their own.
	'inspection.record': inspectionRecord
} as const;

export type CommandKind = keyof typeof COMMANDS;
export type CommandPayload<K extends CommandKind> = z.infer<(typeof COMMANDS)[K]>;
export const COMMAND_KINDS = Object.keys(COMMANDS) as CommandKind[];

export function isCommandKind(kind: string): kind is CommandKind {
	return Object.prototype.hasOwnProperty.call(COMMANDS, kind);
}
