import { describe, expect, it } from 'vitest';
import { TARIFF_VERSIONS } from '../../src/lib/tariff';
import { balanceAlert, LOW_PREPAYMENT_DAYS } from '../../src/lib/domain/usage/balanceAlert';
import { estimateMonth } from '../../src/lib/domain/usage/estimate';
import { monthSoFarReadings } from '../../src/lib/domain/usage/monthSoFar';
import { tariffVersionsFrom } from '../../src/lib/domain/usage/tariffVersions';
import type { ReadingMonthRow, TariffRow } from '../../src/lib/domain/sync/tables';

const aMonth = (
	meterId: number,
	month: string,
	days: number[],
	firstWh: number,
	perDayWh = 10_000
) =>
	({
		id: `${meterId}:${month}`,
		accountId: 1,
		meterId,
		month,
		days,
		firstWh,
		deltasWh: days.slice(1).map(() => perDayWh),
		estimatedDays: [],
		sources: 's'.repeat(days.length)
	}) satisfies ReadingMonthRow;

describe('the month so far on the home page', () => {
	it('runs from the last reading of last month to the latest reading of this month', () => {
		const rows = [
			aMonth(7, '2026-09', [29, 30], 1_000_000),
			aMonth(7, '2026-10', [1, 2, 3], 1_020_000)
		];
		expect(monthSoFarReadings(rows, '2026-10-04')).toEqual({
			meterId: 7,
			previousReading: { date: '2026-09-30', valueWh: 1_010_000 },
			readings: [
				{ date: '2026-10-01', valueWh: 1_020_000 },
				{ date: '2026-10-02', valueWh: 1_030_000 },
				{ date: '2026-10-03', valueWh: 1_040_000 }
			]
		});
	});

	it('ignores a reading dated after today', () => {
		const rows = [aMonth(7, '2026-10', [1, 2, 3], 1_020_000)];
		expect(monthSoFarReadings(rows, '2026-10-02').readings.map((r) => r.date)).toEqual([
			'2026-10-01',
			'2026-10-02'
		]);
	});

	it('counts only the meter read last when a meter was replaced', () => {
		const rows = [
			aMonth(7, '2026-09', [30], 9_000_000),
			aMonth(8, '2026-10', [2, 3], 0),
			aMonth(7, '2026-10', [1, 2], 9_010_000)
		];
		const found = monthSoFarReadings(rows, '2026-10-05');
		expect(found.meterId).toBe(8);
		expect(found.previousReading).toBeNull();
		expect(found.readings).toEqual([
			{ date: '2026-10-02', valueWh: 0 },
			{ date: '2026-10-03', valueWh: 10_000 }
		]);
	});

	it('has nothing to show before any reading arrives', () => {
		expect(monthSoFarReadings([], '2026-10-05')).toEqual({
			meterId: null,
			previousReading: null,
			readings: []
		});
	});

	it('gives estimateMonth what it needs to rate the days so far', () => {
		const rows = [
			aMonth(7, '2026-09', [30], 1_000_000),
			aMonth(7, '2026-10', [1, 2, 3, 4], 1_012_000, 12_000)
		];
		const found = monthSoFarReadings(rows, '2026-10-05');
		const estimate = estimateMonth({
			versions: TARIFF_VERSIONS,
			tariffClass: 'household',
			today: '2026-10-05',
			balanceTiyin: 10_000_000,
			...found
		});
		expect(estimate.usageSoFarWh).toBe(48_000);
		expect(estimate.soFarTiyin).toBe(48 * 600 * 100);
	});
});

describe('the balance warning', () => {
	it('always warns about a debt, with the amount owed', () => {
		expect(balanceAlert(-4_835_000, null)).toEqual({ kind: 'debt', debtTiyin: 4_835_000 });
		expect(balanceAlert(-1, 300)).toEqual({ kind: 'debt', debtTiyin: 1 });
	});

	it('warns when a prepayment lasts less than a week at the recent pace', () => {
		expect(LOW_PREPAYMENT_DAYS).toBe(7);
		expect(balanceAlert(500_000, 6)).toEqual({ kind: 'runningOut', days: 6 });
		expect(balanceAlert(500_000, 7)).toBeNull();
	});

	it('calls a positive balance that lasts under a day "less than a day", never "run out"', () => {
		// 1726001003: 61,200 so'm left, 36,532.80 so'm used so far, about 73,000 so'm a day.
		expect(balanceAlert(6_120_000, 0, 3_653_280)).toEqual({ kind: 'runningOut', days: 0 });
		expect(balanceAlert(500_000, 0)).toEqual({ kind: 'runningOut', days: 0 });
	});

	it("says so when this month's use so far already costs more than the prepayment", () => {
		expect(balanceAlert(500_000, 0, 500_000)).toEqual({ kind: 'usedBySoFar', soFarTiyin: 500_000 });
		expect(balanceAlert(500_000, null, 700_000)).toEqual({
			kind: 'usedBySoFar',
			soFarTiyin: 700_000
		});
	});

	it('keeps "used up" for a balance of exactly zero', () => {
		expect(balanceAlert(0, null)).toEqual({ kind: 'usedUp' });
	});

	it('stays quiet without a pace to go by', () => {
		expect(balanceAlert(500_000, null)).toBeNull();
		expect(balanceAlert(500_000, null, 100)).toBeNull();
	});
});

describe('the tariff versions a phone rates with', () => {
	it('are the synced ones, in date order, once the server has sent them', () => {
		const rows: TariffRow[] = [
			{ ...TARIFF_VERSIONS[1], blocks: [...TARIFF_VERSIONS[1].blocks] },
			{
				id: 'HOUSEHOLD_2026_05',
				tariffClass: 'household',
				effectiveFrom: '2026-05-01',
				blocks: [{ upToKwh: null, pricePerKwh: '700' }]
			},
			{ ...TARIFF_VERSIONS[0], blocks: [...TARIFF_VERSIONS[0].blocks] }
		];
		expect(tariffVersionsFrom(rows).map((v) => v.id)).toEqual([
			'HOUSEHOLD_2024_05',
			'HOUSEHOLD_2025_05',
			'HOUSEHOLD_2026_05'
		]);
	});

	it('are the published ones built into the app before the first sync', () => {
		expect(tariffVersionsFrom([])).toBe(TARIFF_VERSIONS);
	});
});
