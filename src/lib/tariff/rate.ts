import type Decimal from 'decimal.js';
import { ROUND_HALF_UP, TariffDecimal, ZERO } from './decimal';
import { parseKwh } from './input';
import { parseTariffBlocks } from './validate';
import type { TariffBlock } from './versions';

/** One block's share of a bill. */
export interface RatingLine {
	readonly fromKwh: Decimal;
	/** `null` for the open last block. */
	readonly toKwh: Decimal | null;
	readonly pricePerKwh: Decimal;
	/** The kWh that fell in this block. */
	readonly kwh: Decimal;
	/** kwh × price, rounded half-up to 0.01 so'm (1 tiyin). */
	readonly amount: Decimal;
}

export interface Rating {
	/** The sum of the lines' amounts, in so'm. */
	readonly total: Decimal;
	/** One line per block that holds usage, lowest block first. */
	readonly lines: readonly RatingLine[];
}

/**
 * A blocks array prepared for rating: bounds and prices as Decimals, and the lines and totals of
 * fully used blocks computed once, since every usage above a block bills that block the same.
 */
interface DecimalTable {
	readonly lowers: readonly Decimal[];
	readonly uppers: readonly (Decimal | null)[];
	readonly prices: readonly Decimal[];
	/** The lines of fully used blocks below block i (zero-width blocks left out). Frozen, shared. */
	readonly linesBelow: readonly (readonly RatingLine[])[];
	/** The sum of those lines' amounts. */
	readonly totalBelow: readonly Decimal[];
}

// Keyed by the blocks array itself: blocks are immutable data (the published versions are frozen),
// so the prepared table can be shared by every call that rates with the same array.
const tables = new WeakMap<readonly TariffBlock[], DecimalTable>();

function amountOf(kwh: Decimal, price: Decimal): Decimal {
	const exact = kwh.times(price);
	// Rounding is the costliest step; most products already end at the tiyin.
	return exact.decimalPlaces() <= 2 ? exact : exact.toDecimalPlaces(2, ROUND_HALF_UP);
}

function buildTable(blocks: readonly TariffBlock[]): DecimalTable {
	const lowers: Decimal[] = [];
	const uppers: (Decimal | null)[] = [];
	const prices: Decimal[] = [];
	const linesBelow: (readonly RatingLine[])[] = [];
	const totalBelow: Decimal[] = [];
	let lower = ZERO;
	let below: readonly RatingLine[] = Object.freeze([]);
	let total = ZERO;
	for (const block of blocks) {
		const upper = block.upToKwh === null ? null : new TariffDecimal(block.upToKwh);
		const price = new TariffDecimal(block.pricePerKwh);
		lowers.push(lower);
		uppers.push(upper);
		prices.push(price);
		linesBelow.push(below);
		totalBelow.push(total);
		if (upper === null) break;
		const kwh = upper.minus(lower);
		if (kwh.gt(0)) {
			const line: RatingLine = Object.freeze({
				fromKwh: lower,
				toKwh: upper,
				pricePerKwh: price,
				kwh,
				amount: amountOf(kwh, price)
			});
			below = Object.freeze([...below, line]);
			total = total.plus(line.amount);
		}
		lower = upper.gt(lower) ? upper : lower;
	}
	return { lowers, uppers, prices, linesBelow, totalBelow };
}

/**
 * The table for blocks that came from a validated version or from the module's own pro-rata
 * split (which may hold zero-width blocks), so are not checked again.
 */
export function trustedTable(blocks: readonly TariffBlock[]): DecimalTable {
	let table = tables.get(blocks);
	if (table === undefined) {
		table = buildTable(blocks);
		tables.set(blocks, table);
	}
	return table;
}

function checkedTable(blocks: readonly TariffBlock[]): DecimalTable {
	let table = tables.get(blocks);
	if (table === undefined) {
		parseTariffBlocks(blocks);
		table = buildTable(blocks);
		tables.set(blocks, table);
	}
	return table;
}

/** Rates a usage already parsed by `parseKwh`. */
export function rateKwh(table: DecimalTable, usage: Decimal): Rating {
	const uppers = table.uppers;
	let i = 0;
	let upper = uppers[0];
	while (upper !== null && usage.gt(upper)) upper = uppers[++i];
	const kwh = usage.minus(table.lowers[i]);
	if (kwh.isZero()) return { total: table.totalBelow[i], lines: table.linesBelow[i].slice() };
	const price = table.prices[i];
	const amount = amountOf(kwh, price);
	const lines = table.linesBelow[i].slice();
	lines.push({ fromKwh: table.lowers[i], toKwh: upper, pricePerKwh: price, kwh, amount });
	return { total: table.totalBelow[i].plus(amount), lines };
}

/**
 * Rates one month's usage on marginal blocks: each block's kWh at that block's price, each line
 * rounded half-up to 1 tiyin, the total the sum of the lines.
 *
 * `blocks` are checked the first time an array is seen and must not be changed afterwards.
 * Throws `TariffError` for usage that is not a finite, non-negative kWh amount with at most
 * 3 decimals, and for invalid blocks.
 */
export function rateUsage(blocks: readonly TariffBlock[], usageKwh: Decimal.Value): Rating {
	return rateKwh(checkedTable(blocks), parseKwh(usageKwh));
}
