import Decimal from 'decimal.js';

/**
 * The Decimal constructor the tariff module computes with. A clone, so that nobody else's
 * `Decimal.set(...)` changes our results, with enough significant digits that every product and
 * sum inside the bounds below is exact (usage ≤ 10^12 kWh with 3 decimals times a price
 * < 10^9 so'm with 2 decimals is at most 26 digits). Instances are ordinary `Decimal`s
 * (`Decimal.isDecimal` and `instanceof Decimal` hold).
 */
export const TariffDecimal = Decimal.clone({
	precision: 40,
	rounding: Decimal.ROUND_HALF_UP,
	toExpNeg: -40,
	toExpPos: 40
});

/** Largest usage the decimal path rates: a terawatt-hour in a month is no meter reading. */
export const MAX_USAGE_KWH = '1000000000000';
/** Block bounds are limited like usage. */
export const MAX_BLOCK_KWH = MAX_USAGE_KWH;
/** Prices must stay below this (so'm per kWh); today's highest is 2,000. */
export const MAX_PRICE_PER_KWH = '1000000000';

export const ZERO = new TariffDecimal(0);
export const ONE_THOUSAND = new TariffDecimal(1000);

export const ROUND_HALF_UP = Decimal.ROUND_HALF_UP;
