import type Decimal from 'decimal.js';
import { ONE_THOUSAND, TariffDecimal } from './decimal';
import { TariffError } from './errors';
import { parseKwh } from './input';
import { planMonth } from './monthPlan';
import { parseTariffBlocks } from './validate';
import type { TariffBlock, TariffVersion } from './versions';

/**
 * The batch-billing path: the same rules as `rateUsage` / `rateMonth` in whole numbers — usage
 * in Wh, money in tiyin, prices in tiyin per kWh — on flat typed arrays, with no allocation per
 * rating. Proven equal to the decimal path by tests (every reference vector, and a property test
 * over random tariffs and usages).
 *
 * Bounds. A line's amount is `wh × priceTiyinPerKwh / 1000` rounded half-up; the product must stay
 * below 2^53 for doubles to hold it exactly. Usage is limited to `MAX_USAGE_WH` (10^9 Wh =
 * 1,000,000 kWh a month) and prices to `MAX_PRICE_TIYIN_PER_KWH` (9·10^6 tiyin = 90,000 so'm per
 * kWh, 45 times today's highest), so the product is at most 9·10^15 < 2^53 ≈ 9.007·10^15.
 * Beyond them the functions throw `OUT_OF_RANGE`; the decimal path has no such limit.
 */

export const MAX_USAGE_WH = 1_000_000_000;
export const MAX_PRICE_TIYIN_PER_KWH = 9_000_000;

export interface CompiledBlocks {
	readonly count: number;
	/** Block i holds usage in (lowerWh[i], upperWh[i]]; the last upper is Infinity. */
	readonly lowerWh: Float64Array;
	readonly upperWh: Float64Array;
	readonly priceTiyinPerKwh: Float64Array;
	/** The sum of the rounded amounts of all blocks below block i when they are full. */
	readonly tiyinBelow: Float64Array;
}

/**
 * wh × price / 1000, rounded half-up, exactly. The product plus 500 is a safe integer (see the
 * bounds above), so the quotient is below 2^44, where doubles are spaced at most 2^-9 apart: a
 * true quotient of n + 0.999 is never rounded to n + 1, and floor() gives the exact result.
 */
function lineTiyin(wh: number, priceTiyinPerKwh: number): number {
	return Math.floor((wh * priceTiyinPerKwh + 500) / 1000);
}

function wholeUnits(value: string, scale: Decimal, what: string, max: number): number {
	const units = new TariffDecimal(value).times(scale);
	if (!units.isInteger() || units.gt(max)) {
		throw new TariffError('OUT_OF_RANGE', `${what} ${value} is beyond the integer path's bound`);
	}
	return units.toNumber();
}

const ONE_HUNDRED = new TariffDecimal(100);

function buildCompiled(blocks: readonly TariffBlock[]): CompiledBlocks {
	const count = blocks.length;
	const lowerWh = new Float64Array(count);
	const upperWh = new Float64Array(count);
	const priceTiyinPerKwh = new Float64Array(count);
	const tiyinBelow = new Float64Array(count);
	let lower = 0;
	let below = 0;
	for (let i = 0; i < count; i++) {
		const block = blocks[i];
		const price = wholeUnits(
			block.pricePerKwh,
			ONE_HUNDRED,
			'price per kWh',
			MAX_PRICE_TIYIN_PER_KWH
		);
		// Bounds past MAX_USAGE_WH are never reached by a usage the path accepts; clamping them
		// keeps every sum below in range.
		const upper =
			block.upToKwh === null
				? Infinity
				: Math.min(MAX_USAGE_WH, new TariffDecimal(block.upToKwh).times(ONE_THOUSAND).toNumber());
		lowerWh[i] = lower;
		upperWh[i] = upper;
		priceTiyinPerKwh[i] = price;
		tiyinBelow[i] = below;
		if (upper === Infinity) break;
		if (upper > lower) {
			below += lineTiyin(upper - lower, price);
			lower = upper;
		}
	}
	return { count, lowerWh, upperWh, priceTiyinPerKwh, tiyinBelow };
}

const compiledCache = new WeakMap<readonly TariffBlock[], CompiledBlocks>();

function trustedCompiled(blocks: readonly TariffBlock[]): CompiledBlocks {
	let compiled = compiledCache.get(blocks);
	if (compiled === undefined) {
		compiled = buildCompiled(blocks);
		compiledCache.set(blocks, compiled);
	}
	return compiled;
}

/**
 * Integer tables for a blocks array. Checks the blocks (`INVALID_TARIFF`) and the bound on
 * prices (`OUT_OF_RANGE`). Cached per array, like `rateUsage`.
 */
export function compileBlocks(blocks: readonly TariffBlock[]): CompiledBlocks {
	if (!compiledCache.has(blocks)) parseTariffBlocks(blocks);
	return trustedCompiled(blocks);
}

function usageError(usageWh: number): TariffError {
	if (typeof usageWh !== 'number' || Number.isNaN(usageWh)) {
		return new TariffError('INVALID_NUMBER', `usageWh must be a number, got ${String(usageWh)}`);
	}
	if (!Number.isFinite(usageWh)) {
		return new TariffError('NOT_FINITE', `usageWh must be finite, got ${usageWh}`);
	}
	if (usageWh < 0) {
		return new TariffError('NEGATIVE', `usageWh must not be negative, got ${usageWh}`);
	}
	if (!Number.isInteger(usageWh)) {
		return new TariffError('TOO_PRECISE', `usageWh must be a whole number of Wh, got ${usageWh}`);
	}
	return new TariffError(
		'OUT_OF_RANGE',
		`usageWh must be at most ${MAX_USAGE_WH} Wh on the integer path, got ${usageWh}`
	);
}

/** The total in tiyin for a month's usage in whole Wh; the same as `rateUsage(...).total × 100`. */
export function rateUsageTiyin(compiled: CompiledBlocks, usageWh: number): number {
	if (!(usageWh >= 0 && usageWh <= MAX_USAGE_WH && Math.floor(usageWh) === usageWh)) {
		throw usageError(usageWh);
	}
	const upperWh = compiled.upperWh;
	let i = 0;
	while (usageWh > upperWh[i]) i++;
	return (
		compiled.tiyinBelow[i] + lineTiyin(usageWh - compiled.lowerWh[i], compiled.priceTiyinPerKwh[i])
	);
}

/** Per-block results; block i's entries are 0 when it holds no usage. Reusable between calls. */
export interface TiyinLines {
	totalTiyin: number;
	readonly lineWh: Float64Array;
	readonly lineTiyin: Float64Array;
}

export function emptyTiyinLines(compiled: CompiledBlocks): TiyinLines {
	return {
		totalTiyin: 0,
		lineWh: new Float64Array(compiled.count),
		lineTiyin: new Float64Array(compiled.count)
	};
}

/**
 * `rateUsageTiyin` with the line of every block. Pass `into` (from `emptyTiyinLines`) to reuse its
 * arrays and allocate nothing.
 */
export function rateUsageTiyinLines(
	compiled: CompiledBlocks,
	usageWh: number,
	into: TiyinLines = emptyTiyinLines(compiled)
): TiyinLines {
	if (!(usageWh >= 0 && usageWh <= MAX_USAGE_WH && Math.floor(usageWh) === usageWh)) {
		throw usageError(usageWh);
	}
	if (into.lineWh.length < compiled.count || into.lineTiyin.length < compiled.count) {
		throw new RangeError('rateUsageTiyinLines: `into` is too short for these blocks');
	}
	const { lowerWh, upperWh, priceTiyinPerKwh } = compiled;
	let total = 0;
	for (let i = 0; i < compiled.count; i++) {
		const wh = usageWh > upperWh[i] ? upperWh[i] - lowerWh[i] : Math.max(0, usageWh - lowerWh[i]);
		const tiyin = wh > 0 ? lineTiyin(wh, priceTiyinPerKwh[i]) : 0;
		into.lineWh[i] = wh;
		into.lineTiyin[i] = tiyin;
		total += tiyin;
	}
	into.totalTiyin = total;
	return into;
}

export interface CompiledMonthPart {
	readonly versionId: string;
	readonly daysBefore: number;
	readonly daysThrough: number;
	readonly compiled: CompiledBlocks;
}

export interface CompiledMonth {
	readonly month: string;
	readonly tariffClass: string;
	readonly days: number;
	readonly parts: readonly CompiledMonthPart[];
}

/**
 * A month prepared for the integer path: one compiled table per version in force, pro rata as in
 * `rateMonth` when a version starts mid-month. Throws what `rateMonth` throws for the month, and
 * `OUT_OF_RANGE` for a price past the integer bound.
 */
export function compileMonth(
	versions: readonly TariffVersion[],
	tariffClass: string,
	month: string
): CompiledMonth {
	const plan = planMonth(versions, tariffClass, month);
	return {
		month: plan.month,
		tariffClass: plan.tariffClass,
		days: plan.days,
		parts: plan.parts.map((part) => ({
			versionId: part.version.id,
			daysBefore: part.daysBefore,
			daysThrough: part.daysThrough,
			compiled: trustedCompiled(part.blocks)
		}))
	};
}

/** round(wh × numerator / denominator) half-up, exactly (wh × 31 is far below 2^53). */
function roundedPartWh(wh: number, numerator: number, denominator: number): number {
	const scaled = wh * numerator;
	const quotient = Math.floor(scaled / denominator);
	return 2 * (scaled - quotient * denominator) >= denominator ? quotient + 1 : quotient;
}

/**
 * A month's total in tiyin for its usage in whole Wh; the same as `rateMonth(...).total × 100`.
 * In a split month the usage is shared among the parts by the same running-total rounding.
 */
export function rateMonthTiyin(month: CompiledMonth, usageWh: number): number {
	const parts = month.parts;
	if (parts.length === 1) return rateUsageTiyin(parts[0].compiled, usageWh);
	if (!(usageWh >= 0 && usageWh <= MAX_USAGE_WH && Math.floor(usageWh) === usageWh)) {
		throw usageError(usageWh);
	}
	let total = 0;
	let before = 0;
	for (const part of parts) {
		const through = roundedPartWh(usageWh, part.daysThrough, month.days);
		total += rateUsageTiyin(part.compiled, through - before);
		before = through;
	}
	return total;
}

/** A kWh amount (as `rateUsage` accepts it) in whole Wh for the integer path. */
export function usageKwhToWh(usageKwh: Decimal.Value): number {
	const wh = parseKwh(usageKwh).times(ONE_THOUSAND);
	if (wh.gt(MAX_USAGE_WH)) {
		throw new TariffError(
			'OUT_OF_RANGE',
			`usage ${String(usageKwh)} kWh is beyond the integer path's ${MAX_USAGE_WH / 1000} kWh`
		);
	}
	return wh.toNumber();
}

/** Tiyin back to so'm as a Decimal, for storing or showing. */
export function tiyinToSom(tiyin: number): Decimal {
	if (!Number.isSafeInteger(tiyin)) {
		throw new TariffError('INVALID_NUMBER', `tiyin must be a whole number, got ${tiyin}`);
	}
	return new TariffDecimal(tiyin).div(100);
}
