import type { ChargeRow, LedgerRow } from '../sync/tables';
import type { DailyReading } from './series';

// What the readings and payments history pages list, from the rows a device holds. Pure.

export interface ReadingRow extends DailyReading {
	/** Use since the same meter's previous reading; null for a meter's first reading. */
	usageWh: number | null;
}

/** Readings (oldest first, as expandReadingMonths gives them) as a list, newest first. */
export function readingRowsNewestFirst(readings: readonly DailyReading[]): ReadingRow[] {
	const last = new Map<number, number>();
	const rows: ReadingRow[] = [];
	for (const r of readings) {
		const before = last.get(r.meterId);
		last.set(r.meterId, r.valueWh);
		rows.push({ ...r, usageWh: before === undefined ? null : r.valueWh - before });
	}
	return rows.reverse();
}

/** The name of the file "Export CSV" saves: tok-readings-1726001001.csv. */
export function readingsCsvFilename(accountNumber: string): string {
	return `tok-readings-${accountNumber.replace(/[^\w-]/g, '_')}.csv`;
}

/** Money that came in or went back: payments, refunds and adjustments, newest first. */
export function paymentEntries(ledger: readonly LedgerRow[]): LedgerRow[] {
	return ledger
		.filter((e) => e.kind !== 'charge')
		.sort((a, b) => (a.date === b.date ? b.id - a.id : a.date < b.date ? 1 : -1));
}

/** Each billed month once, newest first (the device keeps only a month's latest revision). */
export function chargesNewestFirst(charges: readonly ChargeRow[]): ChargeRow[] {
	return [...charges].sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
}
