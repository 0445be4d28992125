import { describe, expect, it } from 'vitest';
import { HOUSEHOLD_2024_05, rateMonth, TARIFF_VERSIONS } from '../../src/lib/tariff';
import { explainIn } from '../../src/lib/i18n/allCatalogues';
import {
	chartScale,
	compareWithEarlier,
	daysOfMonth,
	latestBars,
	rateCharge
} from '../../src/lib/domain/usage/consumption';
import { monthBars } from '../../src/lib/domain/usage/series';
import { addMonths } from '../../src/lib/domain/dates';
import type { ChargeRow, ReadingMonthRow } from '../../src/lib/domain/sync/tables';

const aCharge = (month: string, usageWh: number, amountTiyin = usageWh * 60): ChargeRow => ({
	id: `1:${month}`,
	accountId: 1,
	month,
	revision: 0,
	usageWh,
	amountTiyin,
	estimated: false,
	lines: [
		{
			versionId: 'V',
			fromWh: 0,
			toWh: 200_000,
			priceTiyinPerKwh: 60_000,
			wh: Math.min(usageWh, 200_000),
			tiyin: 0
		}
	]
});

const months = (from: string, count: number) =>
	Array.from({ length: count }, (_, i) => addMonths(from, i));

describe('the consumption chart', () => {
	it('shows the latest 24 billed months, oldest on the left', () => {
		const bars = monthBars(months('2024-01', 30).map((m) => aCharge(m, 100_000)));
		const shown = latestBars(bars);
		expect(shown).toHaveLength(24);
		expect(shown[0].month).toBe('2024-07');
		expect(shown[23].month).toBe('2026-06');
		expect(latestBars(bars.slice(0, 3))).toHaveLength(3);
	});

	it('has gridlines at round numbers that reach above the tallest bar', () => {
		expect(chartScale(612_345, 4, 1000)).toEqual({
			max: 800_000,
			ticks: [0, 200_000, 400_000, 600_000, 800_000]
		});
		expect(chartScale(180_000, 4, 1000).ticks).toEqual([0, 50_000, 100_000, 150_000, 200_000]);
		expect(chartScale(9_000, 4, 1000).max).toBe(10_000);
	});

	it('still has an axis when nothing was used', () => {
		expect(chartScale(0, 4, 1000)).toEqual({ max: 4000, ticks: [0, 1000, 2000, 3000, 4000] });
	});

	it('never puts the tallest bar above the top of the axis', () => {
		for (let v = 1; v < 5_000_000; v = Math.ceil(v * 1.37)) {
			const { max, ticks } = chartScale(v, 4, 1000);
			expect(max).toBeGreaterThanOrEqual(v);
			expect(ticks.every(Number.isInteger)).toBe(true);
		}
	});
});

describe('a month against earlier ones', () => {
	it('compares with the previous month and the same month last year', () => {
		const bars = monthBars([
			aCharge('2025-03', 200_000, 12_000_000),
			aCharge('2026-02', 300_000, 20_000_000),
			aCharge('2026-03', 250_000, 16_000_000)
		]);
		expect(compareWithEarlier(bars, '2026-03')).toEqual({
			previousMonth: '2026-02',
			previous: { kwhDeltaWh: -50_000, amountDeltaTiyin: -4_000_000, percent: -16.7 },
			lastYearMonth: '2025-03',
			lastYear: { kwhDeltaWh: 50_000, amountDeltaTiyin: 4_000_000, percent: 25 }
		});
	});

	it('says so when an earlier month was not billed', () => {
		const bars = monthBars([aCharge('2026-03', 250_000)]);
		expect(compareWithEarlier(bars, '2026-03')).toMatchObject({ previous: null, lastYear: null });
		expect(compareWithEarlier(bars, '2026-04')).toBeNull();
	});
});

describe("a month's days", () => {
	const row = (month: string, days: number[], firstWh: number, deltasWh: number[]) =>
		({
			id: `7:${month}`,
			accountId: 1,
			meterId: 7,
			month,
			days,
			firstWh,
			deltasWh,
			estimatedDays: [],
			sources: 's'.repeat(days.length)
		}) satisfies ReadingMonthRow;

	it('lists every calendar day, the first one measured from the last reading of the month before', () => {
		const days = daysOfMonth(
			[row('2026-01', [31], 1_000_000, []), row('2026-02', [1, 2, 4], 1_008_000, [7_000, 20_000])],
			'2026-02'
		);
		expect(days).toHaveLength(28);
		expect(days.slice(0, 4)).toEqual([
			{ date: '2026-02-01', day: 1, usageWh: 8_000, estimated: false },
			{ date: '2026-02-02', day: 2, usageWh: 7_000, estimated: false },
			{ date: '2026-02-03', day: 3, usageWh: null, estimated: false },
			{ date: '2026-02-04', day: 4, usageWh: 20_000, estimated: false }
		]);
	});

	it('leaves out readings of other months', () => {
		const days = daysOfMonth([row('2026-03', [1, 2], 2_000_000, [5_000])], '2026-02');
		expect(days.every((d) => d.usageWh === null)).toBe(true);
	});
});

describe('a bill explained', () => {
	it('rates the billed usage to the watt-hour, exactly as the tariff module does', () => {
		const result = rateCharge(TARIFF_VERSIONS, 'household', { month: '2025-11', usageWh: 345_678 });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const expected = rateMonth(TARIFF_VERSIONS, 'household', '2025-11', '345.678');
		expect(result.rating.total.toString()).toBe(expected.total.toString());
		// A number and its unit are held together by a no-break space.
		const nb = (text: string) => text.replace(/ (kWh|so'm)/g, '\u00a0$1');
		expect(explainIn(result.rating, 'en')).toEqual({
			lines: [
				nb("200 kWh within the social norm × 600 = 120,000 so'm"),
				nb("145.678 kWh above the norm (200–500 kWh) × 800 = 116,542.40 so'm")
			],
			total: nb("Total: 236,542.40 so'm")
		});
	});

	it('says why when the phone has no tariff for the month', () => {
		expect(rateCharge([HOUSEHOLD_2024_05], 'household', { month: '2023-01', usageWh: 1 })).toEqual({
			ok: false,
			code: 'NO_TARIFF'
		});
	});
});
