/**
 * Tariffs are data. A version says, for one class of customer, from which day which marginal
 * blocks apply. New versions (prices are indexed each 1 May from 2026) are added by an operator
 * as data and passed in; nothing in this module knows a price.
 */

export interface TariffBlock {
	/** Upper bound of the block in kWh per month, as a decimal string; `null` for the open last block. */
	readonly upToKwh: string | null;
	/** So'm per kWh, VAT included, as a decimal string with at most 2 decimals. */
	readonly pricePerKwh: string;
}

/** `'household'` and `'stove'` are published; an operator may add others. */
export type TariffClass = string;

export interface TariffVersion {
	/** Stable name, e.g. `HOUSEHOLD_2025_05`; rating lines carry it. */
	readonly id: string;
	readonly tariffClass: TariffClass;
	/** First day the version is in force, `YYYY-MM-DD`. */
	readonly effectiveFrom: string;
	readonly blocks: readonly TariffBlock[];
}

function published(version: TariffVersion): TariffVersion {
	return Object.freeze({
		...version,
		blocks: Object.freeze(version.blocks.map((block) => Object.freeze({ ...block })))
	});
}

// Source: the published tariffs from 1 May 2024 and 1 May 2025, as DESIGN.md ("The tariff") and
// tests/fixtures/tariff-vectors.json give them. Where two neighbouring blocks share a price the
// publication gives one block (2024 household and stove: 200–1,000 kWh), and so do we: each
// line is rounded on its own, so merging blocks is part of the tariff, not a style choice.

export const HOUSEHOLD_2024_05: TariffVersion = published({
	id: 'HOUSEHOLD_2024_05',
	tariffClass: 'household',
	effectiveFrom: '2024-05-01',
	blocks: [
		{ upToKwh: '200', pricePerKwh: '450' },
		{ upToKwh: '1000', pricePerKwh: '900' },
		{ upToKwh: '5000', pricePerKwh: '1350' },
		{ upToKwh: '10000', pricePerKwh: '1575' },
		{ upToKwh: null, pricePerKwh: '1800' }
	]
});

export const HOUSEHOLD_2025_05: TariffVersion = published({
	id: 'HOUSEHOLD_2025_05',
	tariffClass: 'household',
	effectiveFrom: '2025-05-01',
	blocks: [
		{ upToKwh: '200', pricePerKwh: '600' },
		{ upToKwh: '500', pricePerKwh: '800' },
		{ upToKwh: '1000', pricePerKwh: '1000' },
		{ upToKwh: '5000', pricePerKwh: '1500' },
		{ upToKwh: '10000', pricePerKwh: '1750' },
		{ upToKwh: null, pricePerKwh: '2000' }
	]
});

/** Apartments with central electric stoves. */
export const STOVE_2024_05: TariffVersion = published({
	id: 'STOVE_2024_05',
	tariffClass: 'stove',
	effectiveFrom: '2024-05-01',
	blocks: [
		{ upToKwh: '200', pricePerKwh: '225' },
		{ upToKwh: '1000', pricePerKwh: '450' },
		{ upToKwh: '5000', pricePerKwh: '675' },
		{ upToKwh: '10000', pricePerKwh: '787.5' },
		{ upToKwh: null, pricePerKwh: '900' }
	]
});

/** The published versions; the seed for the server's table of versions. */
export const TARIFF_VERSIONS: readonly TariffVersion[] = Object.freeze([
	HOUSEHOLD_2024_05,
	HOUSEHOLD_2025_05,
	STOVE_2024_05
]);
