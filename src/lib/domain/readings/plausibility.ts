import { daysBetween } from '../dates';
import { whToKwhText } from './kwh';

// How much a meter may plausibly count in a day. A cumulative register that jumps by more than
// this is a head-end's glitch or a typo far more often than real use, and billing it would put a
// household in debt for life; such a reading is held for an operator instead (see
// server/services/readingIngest.ts and the billing run).

/**
 * kWh a day, by the account's tariff class. A household on a 16 A single-phase supply cannot
 * draw more than about 88 kWh a day even at full load around the clock, and a typical one uses
 * 5–15; 500 leaves room for three-phase homes with electric heating and still stops a misplaced
 * decimal point. An apartment with an electric stove gets the same: the stove adds a few kWh.
 * Other classes (businesses, later) take `default`. Override with TOK_DAILY_KWH_CEILING.
 */
export const DEFAULT_DAILY_CEILING_KWH: Readonly<Record<string, number>> = {
	default: 500,
	household: 500,
	stove: 500
};

/** Whole kWh a day per tariff class (and `default`). */
export type DailyCeilings = Readonly<Record<string, number>>;

/**
 * "household=500,stove=600" (whole kWh a day) over the defaults; throws a RangeError naming the
 * bad part, so a typo stops the server at start rather than letting absurd readings through.
 */
export function parseDailyCeilings(text: string | undefined): DailyCeilings {
	const ceilings: Record<string, number> = { ...DEFAULT_DAILY_CEILING_KWH };
	for (const part of (text ?? '').split(',')) {
		if (part.trim() === '') continue;
		const match = /^\s*([a-z_]+)\s*=\s*(\d{1,7})\s*$/.exec(part);
		if (!match || Number(match[2]) === 0)
			throw new RangeError(
				`TOK_DAILY_KWH_CEILING: "${part}" is not "class=kWh" with a whole number of kWh above 0`
			);
		ceilings[match[1]] = Number(match[2]);
	}
	return ceilings;
}

export function dailyCeilingKwh(ceilings: DailyCeilings, tariffClass: string): number {
	return ceilings[tariffClass] ?? ceilings.default ?? DEFAULT_DAILY_CEILING_KWH.default;
}

/**
 * Why the usage from one reading to a later one is implausible, or null when it is not. Integer
 * Wh against ceiling × days: exact, no division.
 */
export function usageAboveCeiling(
	from: { date: string; valueWh: number },
	to: { date: string; valueWh: number },
	ceilingKwh: number
): string | null {
	const days = Math.max(1, daysBetween(from.date, to.date));
	const usageWh = to.valueWh - from.valueWh;
	if (usageWh <= ceilingKwh * 1000 * days) return null;
	return `${whToKwhText(usageWh)} kWh in ${days} day${days === 1 ? '' : 's'} (from ${from.date} to ${to.date}) is above the ceiling of ${ceilingKwh} kWh a day`;
}

/** The usage a month may bill at most: the daily ceiling for every day of the month. */
export function monthCeilingWh(ceilingKwh: number, daysInMonth: number): number {
	return ceilingKwh * 1000 * daysInMonth;
}
