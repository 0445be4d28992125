import { describe, expect, it } from 'vitest';
import {
	compareMonths,
	dailyUsage,
	expandReadingMonths,
	monthBars,
	readingsCsv
} from '../../src/lib/domain/usage/series';
import type { ChargeRow, ReadingMonthRow } from '../../src/lib/domain/sync/tables';

const aMonth = (over: Partial<ReadingMonthRow> = {}): ReadingMonthRow => ({
	id: '7:2026-01',
	accountId: 1,
	meterId: 7,
	month: '2026-01',
	days: [1, 2, 4],
	firstWh: 1_000_000,
	deltasWh: [5_500, 12_250],
	estimatedDays: [4],
	sources: 'ssi',
	...over
});

const aCharge = (
	month: string,
	usageWh: number,
	amountTiyin: number,
	within = Math.min(usageWh, 200_000)
): ChargeRow => ({
	id: `1:${month}`,
	accountId: 1,
	month,
	revision: 0,
	usageWh,
	amountTiyin,
	estimated: false,
	lines: [
		{ versionId: 'V', fromWh: 0, toWh: 200_000, priceTiyinPerKwh: 60_000, wh: within, tiyin: 0 },
		...(usageWh > within
			? [
					{
						versionId: 'V',
						fromWh: 200_000,
						toWh: 500_000,
						priceTiyinPerKwh: 80_000,
						wh: usageWh - within,
						tiyin: 0
					}
				]
			: [])
	]
});

describe('readings as the phone shows them', () => {
	it('the compact month rows expand back to the exact readings, with source and estimate marks', () => {
		expect(expandReadingMonths([aMonth()])).toEqual([
			{ date: '2026-01-01', meterId: 7, valueWh: 1_000_000, source: 'smart', estimated: false },
			{ date: '2026-01-02', meterId: 7, valueWh: 1_005_500, source: 'smart', estimated: false },
			{ date: '2026-01-04', meterId: 7, valueWh: 1_017_750, source: 'inspector', estimated: true }
		]);
	});

	it('daily use is the difference to the same meter’s previous reading, across months and meters', () => {
		const rows = [
			aMonth({
				id: '7:2026-02',
				month: '2026-02',
				days: [1],
				firstWh: 1_020_000,
				deltasWh: [],
				estimatedDays: [],
				sources: 's'
			}),
			aMonth()
		];
		expect(dailyUsage(expandReadingMonths(rows))).toEqual([
			{ date: '2026-01-02', usageWh: 5_500, estimated: false },
			{ date: '2026-01-04', usageWh: 12_250, estimated: true },
			{ date: '2026-02-01', usageWh: 2_250, estimated: true }
		]);
	});

	it('the CSV export has one row per reading with kWh to the watt-hour', () => {
		const csv = readingsCsv('1726001001', expandReadingMonths([aMonth()]));
		expect(csv.split('\r\n')).toEqual([
			'account,meter,date,reading_kwh,usage_kwh,source,estimated',
			'1726001001,7,2026-01-01,1000.000,,smart,no',
			'1726001001,7,2026-01-02,1005.500,5.500,smart,no',
			'1726001001,7,2026-01-04,1017.750,12.250,inspector,yes',
			''
		]);
	});
});

describe('months as bars', () => {
	it('each bar splits at the social norm as the bill’s lines do', () => {
		const bars = monthBars([
			aCharge('2026-02', 350_000, 18_000_000),
			aCharge('2026-01', 150_000, 9_000_000)
		]);
		expect(bars.map((b) => [b.month, b.withinNormWh, b.aboveNormWh])).toEqual([
			['2026-01', 150_000, 0],
			['2026-02', 200_000, 150_000]
		]);
	});

	it('compares a month with an earlier one in kWh, so’m and percent', () => {
		const [jan, feb] = monthBars([
			aCharge('2026-01', 200_000, 12_000_000),
			aCharge('2026-02', 250_000, 16_000_000)
		]);
		expect(compareMonths(feb, jan)).toEqual({
			kwhDeltaWh: 50_000,
			amountDeltaTiyin: 4_000_000,
			percent: 25
		});
		expect(compareMonths(jan, feb)).toEqual({
			kwhDeltaWh: -50_000,
			amountDeltaTiyin: -4_000_000,
			percent: -20
		});
		expect(compareMonths(feb, undefined)).toBeNull();
	});
});
