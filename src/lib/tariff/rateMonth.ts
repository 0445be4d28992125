import type Decimal from 'decimal.js';
import { ONE_THOUSAND, ZERO } from './decimal';
import { parseKwh } from './input';
import { planMonth, shareOfWh } from './monthPlan';
import { rateKwh, trustedTable, type Rating, type RatingLine } from './rate';
import type { TariffVersion } from './versions';

export interface MonthLine extends RatingLine {
	/** The version the line was rated with. */
	readonly versionId: string;
}

/** The days of a month one version rates. */
export interface MonthPart {
	readonly versionId: string;
	/** `YYYY-MM-DD`, inclusive. */
	readonly fromDate: string;
	readonly toDate: string;
	readonly days: number;
	/** This part's share of the month's usage (all of it when one version rates the month). */
	readonly usageKwh: Decimal;
	/** Rated with the version's blocks, pro rata to `days` when the month is split. */
	readonly rating: Rating;
}

export interface MonthRating {
	/** `YYYY-MM` */
	readonly month: string;
	readonly tariffClass: string;
	readonly usageKwh: Decimal;
	/** The sum of the parts' totals, which is the sum of all lines. */
	readonly total: Decimal;
	/** One part per version in force in the month, in date order; usually exactly one. */
	readonly parts: readonly MonthPart[];
	/** The lines of every part, in date order, each with its version id. */
	readonly lines: readonly MonthLine[];
}

/**
 * Rates a calendar month's usage with the versions of `tariffClass` in force that month. A
 * version that starts mid-month splits the month by days (see monthPlan.ts for the pro-rata
 * rule).
 *
 * Throws `TariffError`: `INVALID_MONTH`, `NO_TARIFF` (no version of the class in force on the
 * month's first day), `INVALID_TARIFF` (the list of versions is invalid) or a usage error as
 * `rateUsage` does.
 */
export function rateMonth(
	versions: readonly TariffVersion[],
	tariffClass: string,
	month: string,
	usageKwh: Decimal.Value
): MonthRating {
	const plan = planMonth(versions, tariffClass, month);
	const usage = parseKwh(usageKwh);
	const usageWh = usage.times(ONE_THOUSAND);
	const parts: MonthPart[] = [];
	const lines: MonthLine[] = [];
	let total = ZERO;
	for (const part of plan.parts) {
		const partUsage =
			plan.parts.length === 1
				? usage
				: shareOfWh(usageWh, part.daysBefore, part.daysThrough, plan.days).div(ONE_THOUSAND);
		const rating = rateKwh(trustedTable(part.blocks), partUsage);
		const versionId = part.version.id;
		parts.push({
			versionId,
			fromDate: part.fromDate,
			toDate: part.toDate,
			days: part.days,
			usageKwh: partUsage,
			rating
		});
		for (const line of rating.lines) lines.push({ ...line, versionId });
		total = total.plus(rating.total);
	}
	return { month, tariffClass, usageKwh: usage, total, parts, lines };
}
