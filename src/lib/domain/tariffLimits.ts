// What an operator may publish, beyond the tariff module's own rules (services/tariffs.ts).

/**
 * Uzbekistan's block tariffs have had two to six blocks; 20 is room to spare, and every phone
 * holds and rates with every version (100,001 blocks made a first pull 3.8 MB).
 */
export const MAX_TARIFF_BLOCKS = 20;
/**
 * So'm a kWh, inclusive. The highest block in force is 1,800 so'm (2025); ten years of yearly
 * indexation stay far below 20,000, while a slipped key (18000000) or a price of nothing is
 * stopped before it bills anyone. The tariff module's own bound (10^9) is about arithmetic.
 */
export const TARIFF_PRICE_SOM = { min: 1, max: 20_000 } as const;

/** A well-formed price of so'm as whole tiyin, exactly; null for one the tariff module refuses. */
export function priceTiyin(price: string): number | null {
	if (!/^\d{1,12}(\.\d{1,2})?$/.test(price)) return null;
	const [whole, fraction = ''] = price.split('.');
	return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Whether a well-formed price is within the operator's bounds (TARIFF_PRICE_SOM). */
export function priceWithinLimits(tiyin: number): boolean {
	return tiyin >= TARIFF_PRICE_SOM.min * 100 && tiyin <= TARIFF_PRICE_SOM.max * 100;
}
