import { describe, expect, it } from 'vitest';
import { rateMonth, ratePeriod, TARIFF_VERSIONS, type DailyUsage } from '$lib/tariff';

/** `count` days from `firstDate` within one month, each with the same usage. */
function days(month: string, firstDay: number, count: number, kwh: string): DailyUsage[] {
	return Array.from({ length: count }, (_, index) => ({
		date: `${month}-${String(firstDay + index).padStart(2, '0')}`,
		kwh
	}));
}

describe('a period of days', () => {
	it('that crosses a month rates each month on its own, each with its own social norm', () => {
		const period = ratePeriod(TARIFF_VERSIONS, 'household', [
			...days('2025-04', 29, 2, '100'),
			...days('2025-05', 1, 2, '100')
		]);
		expect(
			period.months.map((month) => ({
				month: month.month,
				from: month.firstDate,
				to: month.lastDate,
				usage: month.usageKwh.toString(),
				version: month.parts[0].versionId,
				total: month.total.toFixed(2)
			}))
		).toEqual([
			{
				month: '2025-04',
				from: '2025-04-29',
				to: '2025-04-30',
				usage: '200',
				version: 'HOUSEHOLD_2024_05',
				total: '90000.00'
			},
			{
				month: '2025-05',
				from: '2025-05-01',
				to: '2025-05-02',
				usage: '200',
				version: 'HOUSEHOLD_2025_05',
				total: '120000.00'
			}
		]);
		expect(period.usageKwh.toString()).toBe('400');
		expect(period.total.toFixed(2)).toBe('210000.00');
	});

	it('bills each month what rateMonth bills for the sum of its days', () => {
		const input = [...days('2025-01', 1, 31, '12.345'), ...days('2025-02', 1, 28, '20.001')];
		const period = ratePeriod(TARIFF_VERSIONS, 'household', input);
		const january = rateMonth(TARIFF_VERSIONS, 'household', '2025-01', '382.695');
		const february = rateMonth(TARIFF_VERSIONS, 'household', '2025-02', '560.028');
		expect(period.months.map((month) => month.total.toFixed(2))).toEqual([
			january.total.toFixed(2),
			february.total.toFixed(2)
		]);
		expect(period.total.eq(january.total.plus(february.total))).toBe(true);
	});

	it('takes the days in any order', () => {
		const input = [...days('2025-04', 28, 3, '50'), ...days('2025-05', 1, 3, '70')];
		const forwards = ratePeriod(TARIFF_VERSIONS, 'household', input);
		const backwards = ratePeriod(TARIFF_VERSIONS, 'household', [...input].reverse());
		expect(backwards.total.eq(forwards.total)).toBe(true);
		expect(backwards.months.map((month) => month.month)).toEqual(['2025-04', '2025-05']);
	});

	it('counts a late reading in the month of the day it was taken', () => {
		// A smart meter's reading for 30 April arriving on 3 May still belongs to April.
		const period = ratePeriod(TARIFF_VERSIONS, 'household', [
			{ date: '2025-05-01', kwh: '150' },
			{ date: '2025-04-30', kwh: '250' }
		]);
		expect(period.months.map((month) => [month.month, month.usageKwh.toString()])).toEqual([
			['2025-04', '250'],
			['2025-05', '150']
		]);
	});

	it('skips months without days and rates a year-end crossing', () => {
		const period = ratePeriod(TARIFF_VERSIONS, 'stove', [
			{ date: '2024-12-31', kwh: '10' },
			{ date: '2025-03-01', kwh: '10' }
		]);
		expect(period.months.map((month) => month.month)).toEqual(['2024-12', '2025-03']);
		expect(period.total.toFixed(2)).toBe('4500.00');
	});

	it('of no days costs nothing', () => {
		const period = ratePeriod(TARIFF_VERSIONS, 'household', []);
		expect(period.months).toEqual([]);
		expect(period.total.isZero()).toBe(true);
	});
});
