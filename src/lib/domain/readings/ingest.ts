import { z } from 'zod';
import { isCalendarDay } from '../dates';
import { tryKwhTextToWh } from './kwh';

// The wire format of readings that machines and operators send in bulk (POST /api/ingest/readings
// and `npm run import:readings`), and the report they get back.

/** Rows in one request, or in one transaction of an import. */
export const MAX_INGEST_ROWS = 100_000;

export const READING_REJECTIONS = [
	/** Not a {meter, date, kwh} record (a CSV line with another number of fields), or no meter serial. */
	'malformed_row',
	'malformed_date',
	/** kWh is not a plain decimal string with at most 3 decimals. */
	'malformed_number',
	'unknown_meter',
	/** The date is after today in Tashkent. */
	'future_date',
	/** Before the meter was installed or after it was removed. */
	'meter_not_installed',
	/** Lower than the meter's previous reading (a new meter is a new serial, not a lower value). */
	'lower_than_previous',
	/** Higher than the meter's reading on a later day: a cumulative register never runs backwards. */
	'higher_than_next',
	/** The same meter and day appear earlier in the same batch with another value. */
	'conflicting_duplicate',
	/** An operator's import names a meter of an account outside their districts. */
	'out_of_district'
] as const;
export type ReadingRejection = (typeof READING_REJECTIONS)[number];

export interface RejectedReading {
	/** JSON: position in `readings`, from 1. CSV: the line of the file (the header is line 1). */
	row: number;
	reason: ReadingRejection;
	message: string;
}

/**
 * A reading in order but with more usage a day than the meter's ceiling
 * (domain/readings/plausibility.ts): kept aside, not billed, until an operator accepts or
 * corrects it (`office.readings.*`).
 */
export interface SuspectReading {
	row: number;
	reason: 'usage_above_ceiling';
	message: string;
	/** The held reading, for `office.readings.accept` / `correct`. */
	suspectId: number;
}

export interface IngestReport {
	inserted: number;
	unchanged: number;
	corrected: number;
	rejected: number;
	/** Held for an operator: not applied, like a rejection, but kept. */
	suspect: number;
	rejections: RejectedReading[];
	suspects: SuspectReading[];
}

export function emptyIngestReport(): IngestReport {
	return {
		inserted: 0,
		unchanged: 0,
		corrected: 0,
		rejected: 0,
		suspect: 0,
		rejections: [],
		suspects: []
	};
}

/** Adds `more` to `into` (an import applies its file in several batches). */
export function addIngestReport(into: IngestReport, more: IngestReport): IngestReport {
	into.inserted += more.inserted;
	into.unchanged += more.unchanged;
	into.corrected += more.corrected;
	into.rejected += more.rejected;
	into.suspect += more.suspect;
	for (const rejection of more.rejections) into.rejections.push(rejection);
	for (const suspect of more.suspects) into.suspects.push(suspect);
	return into;
}

/** The JSON body: `{"readings":[{"meter":"SM00000001","date":"2026-10-31","kwh":"12345.678"}]}`. */
export const ingestJsonBody = z.object(
	{ readings: z.array(z.unknown(), { error: '"readings" must be a list of readings' }) },
	{ error: 'the body must be an object {"readings": [...]}' }
);

// One reading as sent, field by field: each field that fails names its own rejection reason.
const meterSerial = z
	.string({ error: 'meter must be a meter serial' })
	.trim()
	.min(1, { error: 'meter must be a meter serial' })
	.max(64, { error: 'meter serial is longer than 64 characters' });
const readingDay = z
	.string({ error: 'date must be written YYYY-MM-DD' })
	.trim()
	.refine(isCalendarDay, { error: 'date must be a calendar day written YYYY-MM-DD' });
const readingWh = z
	.string({ error: 'kwh must be a decimal string like "12345.678"' })
	.trim()
	.transform((kwh, ctx) => {
		const wh = tryKwhTextToWh(kwh);
		if (wh === null) {
			ctx.addIssue({
				code: 'custom',
				message: `kwh must be a plain decimal with at most 3 decimals, like "12345.678", got ${JSON.stringify(kwh.slice(0, 40))}`
			});
			return z.NEVER;
		}
		return wh;
	});

export type ParsedReadingRow =
	| { ok: true; meter: string; date: string; valueWh: number }
	| { ok: false; reason: ReadingRejection; message: string };

/** Checks one row's shape; what needs the database (meter, order) is the service's. */
export function parseReadingRow(raw: unknown): ParsedReadingRow {
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
		return {
			ok: false,
			reason: 'malformed_row',
			message: 'a reading needs a meter, a date and kwh'
		};
	}
	const fields = raw as Record<string, unknown>;
	const meter = meterSerial.safeParse(fields.meter);
	if (!meter.success)
		return { ok: false, reason: 'malformed_row', message: meter.error.issues[0].message };
	const date = readingDay.safeParse(fields.date);
	if (!date.success)
		return { ok: false, reason: 'malformed_date', message: date.error.issues[0].message };
	const valueWh = readingWh.safeParse(fields.kwh);
	if (!valueWh.success)
		return { ok: false, reason: 'malformed_number', message: valueWh.error.issues[0].message };
	return { ok: true, meter: meter.data, date: date.data, valueWh: valueWh.data };
}
