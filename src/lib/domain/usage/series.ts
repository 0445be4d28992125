import type { ChargeRow, ReadingMonthRow } from '../sync/tables';

// What the consumption and readings pages draw, from the rows a device holds. Pure: no I/O.

export type ReadingSource = 'smart' | 'inspector' | 'resident' | 'import';
const SOURCES: Record<string, ReadingSource> = {
	s: 'smart',
	i: 'inspector',
	r: 'resident',
	m: 'import'
};

export interface DailyReading {
	date: string;
	meterId: number;
	valueWh: number;
	source: ReadingSource;
	estimated: boolean;
}

/** The compact month rows back to one reading per meter and day, oldest first. */
export function expandReadingMonths(rows: readonly ReadingMonthRow[]): DailyReading[] {
	const out: DailyReading[] = [];
	for (const row of rows) {
		let value = row.firstWh;
		const estimated = new Set(row.estimatedDays);
		row.days.forEach((day, i) => {
			if (i > 0) value += row.deltasWh[i - 1];
			out.push({
				date: `${row.month}-${String(day).padStart(2, '0')}`,
				meterId: row.meterId,
				valueWh: value,
				source: SOURCES[row.sources[i]] ?? 'import',
				estimated: estimated.has(day)
			});
		});
	}
	return out.sort((a, b) => (a.date === b.date ? a.meterId - b.meterId : a.date < b.date ? -1 : 1));
}

/** Use per day: each reading minus the same meter's previous one, on the later reading's day. */
export function dailyUsage(
	readings: readonly DailyReading[]
): Array<{ date: string; usageWh: number; estimated: boolean }> {
	const last = new Map<number, DailyReading>();
	const byDay = new Map<string, { usageWh: number; estimated: boolean }>();
	for (const r of readings) {
		const before = last.get(r.meterId);
		last.set(r.meterId, r);
		if (!before) continue;
		const day = byDay.get(r.date) ?? { usageWh: 0, estimated: false };
		day.usageWh += r.valueWh - before.valueWh;
		day.estimated ||= r.estimated || before.estimated;
		byDay.set(r.date, day);
	}
	return [...byDay].map(([date, d]) => ({ date, ...d }));
}

export interface MonthBar {
	month: string;
	usageWh: number;
	/** The part billed within the social norm (the first block) and the part above it. */
	withinNormWh: number;
	aboveNormWh: number;
	amountTiyin: number;
	estimated: boolean;
}

/** One bar per billed month, split at the social norm as the bill's own lines split it. */
export function monthBars(charges: readonly ChargeRow[]): MonthBar[] {
	return [...charges]
		.sort((a, b) => (a.month < b.month ? -1 : 1))
		.map((c) => {
			const withinNormWh = c.lines.filter((l) => l.fromWh === 0).reduce((sum, l) => sum + l.wh, 0);
			return {
				month: c.month,
				usageWh: c.usageWh,
				withinNormWh,
				aboveNormWh: c.usageWh - withinNormWh,
				amountTiyin: c.amountTiyin,
				estimated: c.estimated
			};
		});
}

export interface Change {
	kwhDeltaWh: number;
	amountDeltaTiyin: number;
	/** Percent change of usage, one decimal; null when the earlier month had none. */
	percent: number | null;
}

/** How `current` compares with an earlier month, in kWh, so'm and percent of usage. */
export function compareMonths(current: MonthBar, earlier: MonthBar | undefined): Change | null {
	if (!earlier) return null;
	const percent =
		earlier.usageWh === 0
			? null
			: Math.round(((current.usageWh - earlier.usageWh) * 1000) / earlier.usageWh) / 10;
	return {
		kwhDeltaWh: current.usageWh - earlier.usageWh,
		amountDeltaTiyin: current.amountTiyin - earlier.amountTiyin,
		percent
	};
}

const wh = (value: number) => {
	const sign = value < 0 ? '-' : '';
	const abs = Math.abs(value);
	return `${sign}${Math.floor(abs / 1000)}.${String(abs % 1000).padStart(3, '0')}`;
};

/** Readings as CSV for a spreadsheet: one row per meter and day, kWh with three decimals. */
export function readingsCsv(accountNumber: string, readings: readonly DailyReading[]): string {
	const lines = ['account,meter,date,reading_kwh,usage_kwh,source,estimated'];
	const last = new Map<number, number>();
	for (const r of readings) {
		const before = last.get(r.meterId);
		last.set(r.meterId, r.valueWh);
		const usage = before === undefined ? '' : wh(r.valueWh - before);
		lines.push(
			[
				accountNumber,
				r.meterId,
				r.date,
				wh(r.valueWh),
				usage,
				r.source,
				r.estimated ? 'yes' : 'no'
			].join(',')
		);
	}
	return lines.join('\r\n') + '\r\n';
}
