/**
 * Model-based property tests: random valid tariffs and usages, checked against a naive reference
 * rater written here, against the rules of the tariff, and path against path.
 *
 * They run with a fixed seed, so every run checks the same cases. To replay a failure, or to
 * explore new cases, set the seed fast-check prints:
 *   TARIFF_FC_SEED=<seed> npx vitest run --project unit tests/unit/tariff
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	compileBlocks,
	compileMonth,
	MAX_USAGE_WH,
	rateMonth,
	rateMonthTiyin,
	ratePeriod,
	rateUsage,
	rateUsageTiyin,
	rateUsageTiyinLines,
	type Rating,
	type TariffBlock,
	type TariffVersion
} from '$lib/tariff';
import { planMonth } from '$lib/tariff/monthPlan';

const FC = { seed: Number(process.env.TARIFF_FC_SEED ?? 20250501), numRuns: 1000 };

const kwhText = (wh: number) => new Decimal(wh).div(1000).toString();
const somText = (tiyin: number) => new Decimal(tiyin).div(100).toString();
const tiyinOf = (som: Decimal) => som.times(100).toNumber();

/** Valid blocks: up to 8, bounds to the Wh up to 50,000 kWh, prices to the tiyin up to 50,000 so'm. */
function blocksArb(options: { rising: boolean }): fc.Arbitrary<TariffBlock[]> {
	return fc.uniqueArray(fc.integer({ min: 1, max: 50_000_000 }), { maxLength: 7 }).chain((bounds) =>
		fc
			.array(fc.integer({ min: 0, max: 5_000_000 }), {
				minLength: bounds.length + 1,
				maxLength: bounds.length + 1
			})
			.map((prices) => {
				const sortedBounds = [...bounds].sort((a, b) => a - b);
				const orderedPrices = options.rising ? [...prices].sort((a, b) => a - b) : prices;
				return [
					...sortedBounds.map((wh, index) => ({
						upToKwh: kwhText(wh),
						pricePerKwh: somText(orderedPrices[index])
					})),
					{ upToKwh: null, pricePerKwh: somText(orderedPrices[bounds.length]) }
				];
			})
	);
}

const anyBlocks = blocksArb({ rising: false });
const risingBlocks = blocksArb({ rising: true });
/** Usage in Wh: mostly a household's range, sometimes up to the integer path's bound. */
const usageWh = fc.oneof(
	{ weight: 4, arbitrary: fc.integer({ min: 0, max: 60_000_000 }) },
	{ weight: 1, arbitrary: fc.integer({ min: 0, max: MAX_USAGE_WH }) }
);

/** The reference: the rule as a person would apply it, block by block, with no shortcuts. */
function naiveRating(blocks: readonly TariffBlock[], usageKwh: string) {
	const usage = new Decimal(usageKwh);
	const lines: string[] = [];
	let total = new Decimal(0);
	let from = new Decimal(0);
	for (const block of blocks) {
		const to = block.upToKwh === null ? null : new Decimal(block.upToKwh);
		const top = to === null || usage.lt(to) ? usage : to;
		if (top.gt(from)) {
			const kwh = top.minus(from);
			const amount = kwh.times(block.pricePerKwh).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
			lines.push(
				`${from.toString()}|${to?.toString() ?? '-'}|${block.pricePerKwh}|${kwh.toString()}|${amount.toFixed(2)}`
			);
			total = total.plus(amount);
		}
		if (to === null || usage.lte(to)) break;
		from = to;
	}
	return { total: total.toFixed(2), lines };
}

function asModel(rating: Rating) {
	return {
		total: rating.total.toFixed(2),
		lines: rating.lines.map(
			(line) =>
				`${line.fromKwh.toString()}|${line.toKwh?.toString() ?? '-'}|${new Decimal(line.pricePerKwh).toString()}|${line.kwh.toString()}|${line.amount.toFixed(2)}`
		)
	};
}

describe('rateUsage, over random tariffs and usages', () => {
	it('rates exactly as the naive block-by-block reference does', () => {
		fc.assert(
			fc.property(anyBlocks, usageWh, (blocks, wh) => {
				const usage = kwhText(wh);
				const model = naiveRating(blocks, usage);
				// The model prints prices as written in the version; the module as Decimals.
				const normalised = {
					...model,
					lines: model.lines.map((line) => {
						const parts = line.split('|');
						parts[2] = new Decimal(parts[2]).toString();
						return parts.join('|');
					})
				};
				expect(asModel(rateUsage(blocks, usage))).toEqual(normalised);
			}),
			FC
		);
	});

	it('never bills more usage less', () => {
		fc.assert(
			fc.property(
				anyBlocks,
				usageWh,
				fc.integer({ min: 0, max: 20_000_000 }),
				(blocks, wh, more) => {
					const less = rateUsage(blocks, kwhText(wh)).total;
					const moreTotal = rateUsage(blocks, kwhText(wh + more)).total;
					expect(moreTotal.gte(less)).toBe(true);
				}
			),
			FC
		);
	});

	it('has a total that is the sum of its lines, and lines whose kWh sum to the usage', () => {
		fc.assert(
			fc.property(anyBlocks, usageWh, (blocks, wh) => {
				const rating = rateUsage(blocks, kwhText(wh));
				const sum = rating.lines.reduce((total, line) => total.plus(line.amount), new Decimal(0));
				const kwh = rating.lines.reduce((total, line) => total.plus(line.kwh), new Decimal(0));
				expect(rating.total.eq(sum)).toBe(true);
				expect(kwh.toString()).toBe(kwhText(wh));
				expect(rating.lines.every((line) => line.kwh.gt(0))).toBe(true);
			}),
			FC
		);
	});

	it('never bills two months more than the same usage in one month, when prices rise by block', () => {
		// With rising marginal prices the bill is convex in the usage and starts at 0, so
		// rate(a) + rate(b) ≤ rate(a + b): splitting usage over two months never costs more. Each
		// line is rounded by at most half a tiyin, so the exact inequality holds for rounded bills
		// up to half a tiyin per line of the three ratings.
		fc.assert(
			fc.property(risingBlocks, usageWh, usageWh, (blocks, a, b) => {
				const ratingA = rateUsage(blocks, kwhText(a));
				const ratingB = rateUsage(blocks, kwhText(b));
				const together = rateUsage(blocks, kwhText(a + b));
				const lineCount = ratingA.lines.length + ratingB.lines.length + together.lines.length;
				const slack = new Decimal(lineCount).times('0.005');
				expect(ratingA.total.plus(ratingB.total).lte(together.total.plus(slack))).toBe(true);
			}),
			FC
		);
	});
});

describe('the integer path, over random tariffs and usages', () => {
	it('bills the same total to the tiyin as the decimal path', () => {
		fc.assert(
			fc.property(anyBlocks, usageWh, (blocks, wh) => {
				expect(rateUsageTiyin(compileBlocks(blocks), wh)).toBe(
					tiyinOf(rateUsage(blocks, kwhText(wh)).total)
				);
			}),
			FC
		);
	});

	it('bills the same lines to the tiyin and the Wh as the decimal path', () => {
		fc.assert(
			fc.property(anyBlocks, usageWh, (blocks, wh) => {
				const compiled = compileBlocks(blocks);
				const lines = rateUsageTiyinLines(compiled, wh);
				const rating = rateUsage(blocks, kwhText(wh));
				const held = Array.from(lines.lineWh.keys()).filter((index) => lines.lineWh[index] > 0);
				expect(held.map((index) => [lines.lineWh[index], lines.lineTiyin[index]])).toEqual(
					rating.lines.map((line) => [line.kwh.times(1000).toNumber(), tiyinOf(line.amount)])
				);
				expect(lines.totalTiyin).toBe(tiyinOf(rating.total));
			}),
			FC
		);
	});
});

function daysIn(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Two versions of a class, the second starting on a random day (2nd to last) of a random month. */
const splitMonth = fc
	.record({
		year: fc.integer({ min: 2001, max: 2099 }),
		month: fc.integer({ min: 1, max: 12 }),
		day: fc.integer({ min: 2, max: 31 }),
		before: anyBlocks,
		after: anyBlocks
	})
	.map(({ year, month, day, before, after }) => {
		const mm = String(month).padStart(2, '0');
		const changeDay = Math.min(day, daysIn(year, month));
		const versions: TariffVersion[] = [
			{
				id: 'BEFORE',
				tariffClass: 'household',
				effectiveFrom: `${year - 1}-01-01`,
				blocks: before
			},
			{
				id: 'AFTER',
				tariffClass: 'household',
				effectiveFrom: `${year}-${mm}-${String(changeDay).padStart(2, '0')}`,
				blocks: after
			}
		];
		return { versions, month: `${year}-${mm}`, days: daysIn(year, month), changeDay };
	});

describe('a month split by a new version, over random tariffs, days and usages', () => {
	it('shares out exactly the usage, each part within a watt-hour of its days’ share', () => {
		fc.assert(
			fc.property(splitMonth, usageWh, ({ versions, month, days, changeDay }, wh) => {
				const rating = rateMonth(versions, 'household', month, kwhText(wh));
				expect(rating.parts.map((part) => part.days)).toEqual([
					changeDay - 1,
					days - changeDay + 1
				]);
				const shares = rating.parts.map((part) => part.usageKwh.times(1000).toNumber());
				expect(shares[0] + shares[1]).toBe(wh);
				expect(Math.abs(shares[0] - (wh * (changeDay - 1)) / days)).toBeLessThanOrEqual(0.5);
			}),
			FC
		);
	});

	it('totals the lines of its parts', () => {
		fc.assert(
			fc.property(splitMonth, usageWh, ({ versions, month }, wh) => {
				const rating = rateMonth(versions, 'household', month, kwhText(wh));
				const sum = rating.lines.reduce((total, line) => total.plus(line.amount), new Decimal(0));
				expect(rating.total.eq(sum)).toBe(true);
			}),
			FC
		);
	});

	it('bills the same on the integer path as on the decimal path', () => {
		fc.assert(
			fc.property(splitMonth, usageWh, ({ versions, month }, wh) => {
				expect(rateMonthTiyin(compileMonth(versions, 'household', month), wh)).toBe(
					tiyinOf(rateMonth(versions, 'household', month, kwhText(wh)).total)
				);
			}),
			FC
		);
	});

	it('keeps a social norm both versions share at exactly its width over the month', () => {
		const withNorm = (normWh: number) =>
			fc
				.uniqueArray(fc.integer({ min: normWh + 1, max: normWh + 50_000_000 }), { maxLength: 5 })
				.chain((bounds) =>
					fc
						.array(fc.integer({ min: 0, max: 5_000_000 }), {
							minLength: bounds.length + 2,
							maxLength: bounds.length + 2
						})
						.map((prices): TariffBlock[] => [
							...[normWh, ...[...bounds].sort((a, b) => a - b)].map((wh, index) => ({
								upToKwh: kwhText(wh),
								pricePerKwh: somText(prices[index])
							})),
							{ upToKwh: null, pricePerKwh: somText(prices[bounds.length + 1]) }
						])
				);
		const sharedNorm = fc.integer({ min: 1, max: 1_000_000 }).chain((normWh) =>
			fc.record({
				normWh: fc.constant(normWh),
				before: withNorm(normWh),
				after: withNorm(normWh)
			})
		);
		fc.assert(
			fc.property(splitMonth, sharedNorm, ({ versions, month }, { normWh, before, after }) => {
				const withShared = [
					{ ...versions[0], blocks: before },
					{ ...versions[1], blocks: after }
				];
				const plan = planMonth(withShared, 'household', month);
				const norms = plan.parts.map((part) => new Decimal(part.blocks[0].upToKwh ?? 'NaN'));
				expect(norms.reduce((sum, norm) => sum.plus(norm), new Decimal(0)).toString()).toBe(
					kwhText(normWh)
				);
			}),
			FC
		);
	});
});

describe('ratePeriod, over random days', () => {
	it('bills what rateMonth bills for each month’s sum', () => {
		const day = fc.record({
			date: fc
				.date({
					min: new Date('2024-05-01T00:00:00Z'),
					max: new Date('2026-12-31T00:00:00Z'),
					noInvalidDate: true
				})
				.map((date) => date.toISOString().slice(0, 10)),
			kwh: fc.integer({ min: 0, max: 200_000 }).map(kwhText)
		});
		fc.assert(
			fc.property(
				fc.uniqueArray(day, { selector: (entry) => entry.date, maxLength: 60 }),
				(days) => {
					const versions = [
						{
							id: 'H24',
							tariffClass: 'household',
							effectiveFrom: '2024-05-01',
							blocks: [
								{ upToKwh: '200', pricePerKwh: '450' },
								{ upToKwh: null, pricePerKwh: '900' }
							]
						},
						{
							id: 'H25',
							tariffClass: 'household',
							effectiveFrom: '2025-05-17',
							blocks: [
								{ upToKwh: '200', pricePerKwh: '600' },
								{ upToKwh: null, pricePerKwh: '800' }
							]
						}
					];
					const period = ratePeriod(versions, 'household', days);
					const byMonth = new Map<string, Decimal>();
					for (const entry of days) {
						const month = entry.date.slice(0, 7);
						byMonth.set(month, (byMonth.get(month) ?? new Decimal(0)).plus(entry.kwh));
					}
					const expected = [...byMonth.keys()]
						.sort()
						.map((month) => rateMonth(versions, 'household', month, byMonth.get(month) ?? 0).total);
					expect(period.months.map((month) => month.total.toFixed(2))).toEqual(
						expected.map((total) => total.toFixed(2))
					);
					expect(
						period.total.eq(expected.reduce((sum, total) => sum.plus(total), new Decimal(0)))
					).toBe(true);
				}
			),
			{ ...FC, numRuns: 300 }
		);
	});
});
