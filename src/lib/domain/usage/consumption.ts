import { TariffError } from '../../tariff/errors';
import { rateMonth, type MonthRating } from '../../tariff/rateMonth';
import type { TariffVersion } from '../../tariff/versions';
import { addMonths, daysInMonth } from '../dates';
import { whToKwhText } from '../readings/kwh';
import type { ChargeRow, ReadingMonthRow } from '../sync/tables';
import {
	compareMonths,
	dailyUsage,
	expandReadingMonths,
	type Change,
	type MonthBar
} from './series';

// What the consumption page shows beside its charts, from the rows a device holds. Pure.

/** How many months the consumption chart shows. */
export const CHART_MONTHS = 24;

/** The latest `count` bars (bars come oldest first from monthBars). */
export function latestBars(bars: readonly MonthBar[], count = CHART_MONTHS): MonthBar[] {
	return bars.slice(Math.max(0, bars.length - count));
}

export interface MonthComparison {
	previousMonth: string;
	previous: Change | null;
	lastYearMonth: string;
	lastYear: Change | null;
}

/** A month against the one before it and the same month a year earlier (null: not billed). */
export function compareWithEarlier(
	bars: readonly MonthBar[],
	month: string
): MonthComparison | null {
	const current = bars.find((b) => b.month === month);
	if (!current) return null;
	const previousMonth = addMonths(month, -1);
	const lastYearMonth = addMonths(month, -12);
	return {
		previousMonth,
		previous: compareMonths(
			current,
			bars.find((b) => b.month === previousMonth)
		),
		lastYearMonth,
		lastYear: compareMonths(
			current,
			bars.find((b) => b.month === lastYearMonth)
		)
	};
}

export interface DayUsage {
	/** 'YYYY-MM-DD' */
	date: string;
	day: number;
	/** null: no reading that day (or the day before) to tell. */
	usageWh: number | null;
	estimated: boolean;
}

/**
 * Every day of `month` with its use, from the account's reading rows of that month and the one
 * before (whose last reading gives the first day's use).
 */
export function daysOfMonth(rows: readonly ReadingMonthRow[], month: string): DayUsage[] {
	const previous = addMonths(month, -1);
	const own = rows.filter((r) => r.month === month || r.month === previous);
	const byDate = new Map(dailyUsage(expandReadingMonths(own)).map((d) => [d.date, d]));
	const out: DayUsage[] = [];
	for (let day = 1; day <= daysInMonth(month); day++) {
		const date = `${month}-${String(day).padStart(2, '0')}`;
		const used = byDate.get(date);
		out.push({
			date,
			day,
			usageWh: used ? used.usageWh : null,
			estimated: used ? used.estimated : false
		});
	}
	return out;
}

export type ChargeRating =
	{ ok: true; rating: MonthRating } | { ok: false; code: TariffError['code'] | 'unknown' };

/**
 * A billed month's usage rated again with the tariff versions on the device, so the bill can be
 * explained block by block: usage in kWh exactly as billed (Wh / 1000, as a decimal string).
 */
export function rateCharge(
	versions: readonly TariffVersion[],
	tariffClass: string,
	charge: Pick<ChargeRow, 'month' | 'usageWh'>
): ChargeRating {
	try {
		return {
			ok: true,
			rating: rateMonth(versions, tariffClass, charge.month, whToKwhText(charge.usageWh))
		};
	} catch (error) {
		return { ok: false, code: error instanceof TariffError ? error.code : 'unknown' };
	}
}

export interface ChartScale {
	/** The top of the value axis: a round number at or above the largest value. */
	max: number;
	/** Gridlines from 0 up to max, evenly spaced, at round numbers. */
	ticks: number[];
}

/**
 * A value axis for bars from 0 to `largest`: the top at 1, 2, 2.5 or 5 times a power of ten
 * times the number of steps, so that gridlines fall on numbers a person reads at a glance.
 * Values are whole units (Wh); steps are at least `minStep`.
 */
export function chartScale(largest: number, steps = 4, minStep = 1): ChartScale {
	const target = Math.max(largest, minStep * steps) / steps;
	const power = Math.pow(10, Math.floor(Math.log10(target)));
	let step = power * 10;
	for (const m of [1, 2, 2.5, 5, 10]) {
		if (power * m >= target) {
			step = power * m;
			break;
		}
	}
	step = Math.max(minStep, Math.ceil(step));
	const ticks: number[] = [];
	for (let i = 0; i <= steps; i++) ticks.push(step * i);
	return { max: step * steps, ticks };
}
