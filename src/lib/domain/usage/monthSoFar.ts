import { monthOf } from '../dates';
import type { ReadingMonthRow } from '../sync/tables';
import type { MeterReading } from './monthlyUsage';
import { expandReadingMonths } from './series';

/** What `estimateMonth` needs from the readings a device holds for one account. */
export interface MonthSoFarReadings {
	/** The meter the figures come from: the one with the latest reading. */
	meterId: number | null;
	/** That meter's latest reading before today's month. */
	previousReading: MeterReading | null;
	/** That meter's readings of today's month up to today, oldest first. */
	readings: MeterReading[];
}

/**
 * The month in progress from an account's reading rows (this month's and the ones before it).
 * Only the meter read last counts: a meter replaced earlier has nothing to say about this month,
 * and one replaced within it starts the month over from its initial reading.
 */
export function monthSoFarReadings(
	rows: readonly ReadingMonthRow[],
	today: string
): MonthSoFarReadings {
	const month = monthOf(today);
	const all = expandReadingMonths(rows).filter((r) => r.date <= today);
	if (all.length === 0) return { meterId: null, previousReading: null, readings: [] };
	const meterId = all[all.length - 1].meterId;
	let previousReading: MeterReading | null = null;
	const readings: MeterReading[] = [];
	for (const r of all) {
		if (r.meterId !== meterId) continue;
		if (monthOf(r.date) < month) previousReading = { date: r.date, valueWh: r.valueWh };
		else readings.push({ date: r.date, valueWh: r.valueWh });
	}
	return { meterId, previousReading, readings };
}
