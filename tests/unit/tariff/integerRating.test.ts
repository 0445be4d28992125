/**
 * The integer path. Its equality with the decimal path over random tariffs is in
 * properties.test.ts, and on every reference vector in vectors.test.ts.
 *   Replay a property failure: TARIFF_FC_SEED=<seed> npx vitest run --project unit tests/unit/tariff
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	compileBlocks,
	compileMonth,
	emptyTiyinLines,
	HOUSEHOLD_2025_05,
	usageKwhToWh,
	MAX_PRICE_TIYIN_PER_KWH,
	MAX_USAGE_WH,
	rateMonth,
	rateMonthTiyin,
	rateUsage,
	rateUsageTiyin,
	rateUsageTiyinLines,
	STOVE_2024_05,
	TARIFF_VERSIONS,
	tiyinToSom,
	type TariffVersion
} from '$lib/tariff';

const FC = { seed: Number(process.env.TARIFF_FC_SEED ?? 20250501), numRuns: 2000 };

describe('compiled blocks', () => {
	it('hold bounds in Wh, prices in tiyin and the cost of the full blocks below each', () => {
		const compiled = compileBlocks(HOUSEHOLD_2025_05.blocks);
		expect(compiled.count).toBe(6);
		expect(Array.from(compiled.lowerWh)).toEqual([0, 200e3, 500e3, 1000e3, 5000e3, 10000e3]);
		expect(Array.from(compiled.upperWh)).toEqual([200e3, 500e3, 1000e3, 5000e3, 10000e3, Infinity]);
		expect(Array.from(compiled.priceTiyinPerKwh)).toEqual([60e3, 80e3, 100e3, 150e3, 175e3, 200e3]);
		expect(Array.from(compiled.tiyinBelow)).toEqual([0, 12e6, 36e6, 86e6, 686e6, 1561e6]);
	});

	it('are made once per blocks array', () => {
		expect(compileBlocks(STOVE_2024_05.blocks)).toBe(compileBlocks(STOVE_2024_05.blocks));
	});

	it('rate a usage past a bound beyond the integer range correctly', () => {
		const blocks = [
			{ upToKwh: '2000000', pricePerKwh: '1.23' },
			{ upToKwh: null, pricePerKwh: '2' }
		];
		expect(rateUsageTiyin(compileBlocks(blocks), MAX_USAGE_WH)).toBe(123_000_000);
		expect(rateUsage(blocks, '1000000').total.toFixed(2)).toBe('1230000.00');
	});
});

describe('rateUsageTiyin', () => {
	it('bills the worked examples in tiyin', () => {
		const compiled = compileBlocks(HOUSEHOLD_2025_05.blocks);
		expect(rateUsageTiyin(compiled, 500_000)).toBe(36_000_000);
		expect(rateUsageTiyin(compiled, 0)).toBe(0);
		expect(rateUsageTiyin(compiled, 1)).toBe(60);
	});

	it('stays exact at its bounds: 10^9 Wh at 90,000 so’m per kWh', () => {
		const extreme = fc.record({
			wh: fc.oneof(
				fc.integer({ min: MAX_USAGE_WH - 1_000_000, max: MAX_USAGE_WH }),
				fc.integer({ min: 0, max: MAX_USAGE_WH })
			),
			price: fc.oneof(
				fc.integer({ min: MAX_PRICE_TIYIN_PER_KWH - 1_000, max: MAX_PRICE_TIYIN_PER_KWH }),
				fc.integer({ min: 0, max: MAX_PRICE_TIYIN_PER_KWH })
			)
		});
		fc.assert(
			fc.property(extreme, ({ wh, price }) => {
				const blocks = [{ upToKwh: null, pricePerKwh: tiyinToSom(price).toString() }];
				const exact = (BigInt(wh) * BigInt(price) + 500n) / 1000n;
				expect(rateUsageTiyin(compileBlocks(blocks), wh)).toBe(Number(exact));
			}),
			FC
		);
	});
});

describe('rateUsageTiyinLines', () => {
	it('gives each block its Wh and tiyin, and zero to blocks without usage', () => {
		const lines = rateUsageTiyinLines(compileBlocks(STOVE_2024_05.blocks), 5_000_001);
		expect(Array.from(lines.lineWh)).toEqual([200e3, 800e3, 4000e3, 1, 0]);
		expect(Array.from(lines.lineTiyin)).toEqual([4_500_000, 36_000_000, 270_000_000, 79, 0]);
		expect(lines.totalTiyin).toBe(310_500_079);
	});

	it('reuses the arrays it is given instead of allocating', () => {
		const compiled = compileBlocks(HOUSEHOLD_2025_05.blocks);
		const into = emptyTiyinLines(compiled);
		const { lineWh, lineTiyin } = into;
		expect(rateUsageTiyinLines(compiled, 12_345_678, into)).toBe(into);
		expect(rateUsageTiyinLines(compiled, 300_000, into).lineWh).toBe(lineWh);
		expect(into.lineTiyin).toBe(lineTiyin);
		expect(Array.from(into.lineWh)).toEqual([200e3, 100e3, 0, 0, 0, 0]);
		expect(into.totalTiyin).toBe(20_000_000);
	});

	it('refuses arrays too short for the blocks', () => {
		const compiled = compileBlocks(HOUSEHOLD_2025_05.blocks);
		const short = { totalTiyin: 0, lineWh: new Float64Array(2), lineTiyin: new Float64Array(2) };
		expect(() => rateUsageTiyinLines(compiled, 1, short)).toThrow(RangeError);
	});
});

describe('rateMonthTiyin', () => {
	it('rates a month of one version as that version’s blocks do', () => {
		const month = compileMonth(TARIFF_VERSIONS, 'household', '2025-07');
		expect(month.parts.map((part) => part.versionId)).toEqual(['HOUSEHOLD_2025_05']);
		expect(month.parts[0].compiled).toBe(compileBlocks(HOUSEHOLD_2025_05.blocks));
		expect(rateMonthTiyin(month, 300_000)).toBe(20_000_000);
	});

	it('rates a split month to the tiyin as rateMonth does', () => {
		const HOUSEHOLD_2026_05: TariffVersion = {
			id: 'HOUSEHOLD_2026_05',
			tariffClass: 'household',
			effectiveFrom: '2026-05-16',
			blocks: [
				{ upToKwh: '200', pricePerKwh: '700' },
				{ upToKwh: null, pricePerKwh: '1000' }
			]
		};
		const versions = [...TARIFF_VERSIONS, HOUSEHOLD_2026_05];
		const month = compileMonth(versions, 'household', '2026-05');
		expect(month.parts.map((part) => [part.versionId, part.daysBefore, part.daysThrough])).toEqual([
			['HOUSEHOLD_2025_05', 0, 15],
			['HOUSEHOLD_2026_05', 15, 31]
		]);
		expect(rateMonthTiyin(month, 310_000)).toBe(22_967_740);
		expect(rateMonth(versions, 'household', '2026-05', '310').total.toFixed(2)).toBe('229677.40');
	});
});

describe('converting between the paths', () => {
	it('turns kWh into whole Wh and tiyin into so’m', () => {
		expect(usageKwhToWh('12345.678')).toBe(12_345_678);
		expect(usageKwhToWh(0.5)).toBe(500);
		expect(tiyinToSom(22_967_740).toFixed(2)).toBe('229677.40');
		expect(() => tiyinToSom(0.5)).toThrow('tiyin must be a whole number, got 0.5');
	});
});
