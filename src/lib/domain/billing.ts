import { z } from 'zod';
import type { UsageProblem } from './usage/monthlyUsage';

// What a billing run is asked and what it answers; shared by the CLI, the operators' tRPC
// procedure and their screen.

/** A month of this century: Tok has no readings from before 2000, and "0000-01" is a slip. */
export const billingMonth = z
	.string({ error: 'error.invalid_month' })
	.regex(/^20\d{2}-(0[1-9]|1[0-2])$/, { error: 'error.invalid_month' });

export const billingRunInput = z.object({ month: billingMonth });
export type BillingRunInput = z.infer<typeof billingRunInput>;

export type BillingSkipReason =
	| UsageProblem
	/** No tariff version of the account's class is in force in the month. */
	| 'no_tariff'
	/** Usage beyond what the tariff module rates (10^12 kWh). */
	| 'usage_out_of_range'
	/** More than the daily ceiling of the account's class every day of the month. */
	| 'usage_above_ceiling';

export interface SkippedAccount {
	accountNumber: string;
	reason: BillingSkipReason;
	detail: string;
}

export interface BillingReport {
	month: string;
	/** Accounts looked at. */
	accounts: number;
	/** Accounts whose month had a usage and was rated: charged + corrected + unchanged. */
	rated: number;
	/** First charge for the month written. */
	charged: number;
	/** The month was charged before and came out different: a correcting entry written. */
	corrected: number;
	/** The month was charged before with the same result: nothing written. */
	unchanged: number;
	skipped: number;
	skippedByReason: Partial<Record<BillingSkipReason, number>>;
	/** The first `SKIPPED_LISTED` skipped accounts, in account order. */
	skippedAccounts: SkippedAccount[];
	/** Rated months with an interpolated edge reading. */
	estimated: number;
	/** Sum of the new charges (positive = owed). */
	chargedTiyin: number;
	/** Net sum of the corrections (positive = more owed, negative = credited back). */
	correctedTiyin: number;
}

export const SKIPPED_LISTED = 1000;

export function emptyBillingReport(month: string): BillingReport {
	return {
		month,
		accounts: 0,
		rated: 0,
		charged: 0,
		corrected: 0,
		unchanged: 0,
		skipped: 0,
		skippedByReason: {},
		skippedAccounts: [],
		estimated: 0,
		chargedTiyin: 0,
		correctedTiyin: 0
	};
}

/** One block line of a charge, in whole units. */
export interface ChargeLine {
	/** The tariff version the line was rated with. */
	versionId: string;
	/** The block: usage above `fromWh`, up to `toWh` (null for the open last block). */
	fromWh: number;
	toWh: number | null;
	priceTiyinPerKwh: number;
	/** The usage that fell in the block and what it costs, rounded half-up to 1 tiyin. */
	wh: number;
	tiyin: number;
}

// Stored as JSON arrays [versionId, fromWh, toWh, priceTiyinPerKwh, wh, tiyin]: a third of the
// bytes of named keys, on a row written once per account a month.
const storedLines = z.array(
	z.tuple([
		z.string(),
		z.number().int(),
		z.number().int().nullable(),
		z.number().int(),
		z.number().int(),
		z.number().int()
	])
);

export function encodeChargeLines(lines: readonly ChargeLine[]): string {
	let json = '[';
	for (let i = 0; i < lines.length; i++) {
		const l = lines[i];
		json += `${i === 0 ? '' : ','}[${JSON.stringify(l.versionId)},${l.fromWh},${l.toWh ?? 'null'},${l.priceTiyinPerKwh},${l.wh},${l.tiyin}]`;
	}
	return `${json}]`;
}

export function decodeChargeLines(json: string): ChargeLine[] {
	return storedLines
		.parse(JSON.parse(json))
		.map(([versionId, fromWh, toWh, priceTiyinPerKwh, wh, tiyin]) => ({
			versionId,
			fromWh,
			toWh,
			priceTiyinPerKwh,
			wh,
			tiyin
		}));
}
