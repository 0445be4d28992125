import type Decimal from 'decimal.js';
import { dayOfMonth, parseMonth } from './calendar';
import { versionsOfClass } from './catalog';
import { ONE_THOUSAND, TariffDecimal, ZERO } from './decimal';
import { TariffError } from './errors';
import type { TariffBlock, TariffVersion } from './versions';

/**
 * Which versions rate which days of a month.
 *
 * A month is rated with the versions in force on its days. When a version starts mid-month the
 * month is split into parts by days, and each part gets its share of the usage and of every block
 * width, in proportion to its days. Shares are rounded to 1 Wh by running totals: the part that
 * ends on day b of a D-day month, and starts after day a, gets
 *
 *     share(x) = round(x × b / D) − round(x × a / D)        (round = half-up to a whole Wh)
 *
 * so the shares of every part add up to exactly x (the usage, and each bound present in all the
 * versions: the social norm of a split month is still exactly 200 kWh). With two parts: the
 * first gets round(x × days1 / D), the second the rest.
 */

export interface MonthPlanPart {
	readonly version: TariffVersion;
	/** First and last day of the month this version rates, `YYYY-MM-DD`. */
	readonly fromDate: string;
	readonly toDate: string;
	readonly days: number;
	/** Days of the month before this part, and up to and including its last day. */
	readonly daysBefore: number;
	readonly daysThrough: number;
	/** The version's own blocks when it rates the whole month; its pro-rata blocks otherwise. */
	readonly blocks: readonly TariffBlock[];
}

export interface MonthPlan {
	readonly month: string;
	readonly tariffClass: string;
	/** Days in the month. */
	readonly days: number;
	readonly parts: readonly MonthPlanPart[];
}

/** round(x × numerator / denominator) half-up, exactly, for a whole non-negative x. */
function roundedPart(x: Decimal, numerator: number, denominator: number): Decimal {
	if (numerator === 0) return ZERO;
	if (numerator === denominator) return x;
	const scaled = x.times(numerator);
	const quotient = scaled.divToInt(denominator);
	const twiceRest = scaled.minus(quotient.times(denominator)).times(2);
	return twiceRest.gte(denominator) ? quotient.plus(1) : quotient;
}

/** A part's share of a whole number of Wh (see the rule above). */
export function shareOfWh(
	wh: Decimal,
	daysBefore: number,
	daysThrough: number,
	days: number
): Decimal {
	return roundedPart(wh, daysThrough, days).minus(roundedPart(wh, daysBefore, days));
}

function proRataBlocks(
	blocks: readonly TariffBlock[],
	daysBefore: number,
	daysThrough: number,
	days: number
): readonly TariffBlock[] {
	let previousWh = ZERO;
	return Object.freeze(
		blocks.map((block) => {
			if (block.upToKwh === null) return block;
			let wh = shareOfWh(
				new TariffDecimal(block.upToKwh).times(ONE_THOUSAND),
				daysBefore,
				daysThrough,
				days
			);
			// Bounds a few Wh apart could otherwise cross after rounding; a block may shrink to
			// nothing (it then holds no usage), never turn inside out.
			if (wh.lt(previousWh)) wh = previousWh;
			previousWh = wh;
			return Object.freeze({
				upToKwh: wh.div(ONE_THOUSAND).toString(),
				pricePerKwh: block.pricePerKwh
			});
		})
	);
}

function buildPlan(
	classVersions: readonly TariffVersion[],
	tariffClass: string,
	month: string,
	days: number
): MonthPlan {
	const firstDate = dayOfMonth(month, 1);
	const lastDate = dayOfMonth(month, days);
	let first = -1;
	while (first + 1 < classVersions.length && classVersions[first + 1].effectiveFrom <= firstDate) {
		first++;
	}
	if (first < 0) {
		throw new TariffError(
			'NO_TARIFF',
			`no ${tariffClass} tariff is in force on ${firstDate}: the first ${tariffClass} version, ` +
				`${classVersions[0].id}, starts on ${classVersions[0].effectiveFrom}`
		);
	}
	const inForce = [classVersions[first]];
	for (let i = first + 1; i < classVersions.length; i++) {
		if (classVersions[i].effectiveFrom > lastDate) break;
		inForce.push(classVersions[i]);
	}
	const parts = inForce.map((version, index): MonthPlanPart => {
		const next = inForce[index + 1];
		const fromDay = index === 0 ? 1 : Number(version.effectiveFrom.slice(8, 10));
		const toDay = next === undefined ? days : Number(next.effectiveFrom.slice(8, 10)) - 1;
		const whole = inForce.length === 1;
		return Object.freeze({
			version,
			fromDate: dayOfMonth(month, fromDay),
			toDate: dayOfMonth(month, toDay),
			days: toDay - fromDay + 1,
			daysBefore: fromDay - 1,
			daysThrough: toDay,
			blocks: whole ? version.blocks : proRataBlocks(version.blocks, fromDay - 1, toDay, days)
		});
	});
	return Object.freeze({ month, tariffClass, days, parts: Object.freeze(parts) });
}

// Per list of versions, the plans already made; a plan depends on nothing else.
const plans = new WeakMap<readonly TariffVersion[], Map<string, MonthPlan>>();

/**
 * The parts of a month and the blocks each is rated with. Throws `INVALID_MONTH` for a malformed
 * month, `NO_TARIFF` when no version of the class is in force on the month's first day, and
 * `INVALID_TARIFF` when the list of versions is invalid.
 */
export function planMonth(
	versions: readonly TariffVersion[],
	tariffClass: string,
	month: string
): MonthPlan {
	const { days } = parseMonth(month);
	const classVersions = versionsOfClass(versions, tariffClass);
	let byKey = plans.get(versions);
	if (byKey === undefined) {
		byKey = new Map();
		plans.set(versions, byKey);
	}
	const key = `${tariffClass} ${month}`;
	let plan = byKey.get(key);
	if (plan === undefined) {
		plan = buildPlan(classVersions, tariffClass, month, days);
		byKey.set(key, plan);
	}
	return plan;
}
