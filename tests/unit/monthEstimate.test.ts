import { describe, expect, it } from 'vitest';
import { rateMonth, TARIFF_VERSIONS } from '../../src/lib/tariff';
import { addDays } from '../../src/lib/domain/dates';
import { estimateMonth, type MonthEstimateInput } from '../../src/lib/domain/usage/estimate';
import type { MeterReading } from '../../src/lib/domain/usage/monthlyUsage';

function daily(from: string, to: string, startWh: number, perDayWh: number): MeterReading[] {
	const out: MeterReading[] = [];
	for (let date = from, v = startWh; date <= to; date = addDays(date, 1), v += perDayWh)
		out.push({ date, valueWh: v });
	return out;
}

const input = (overrides: Partial<MonthEstimateInput> = {}): MonthEstimateInput => ({
	versions: TARIFF_VERSIONS,
	tariffClass: 'household',
	today: '2026-10-11',
	previousReading: { date: '2026-09-30', valueWh: 5_000_000 },
	readings: daily('2026-10-01', '2026-10-10', 5_012_000, 12_000), // 12 kWh a day, up to yesterday
	balanceTiyin: 20_000_000, // 200,000 so'm prepaid
	...overrides
});

describe("the resident's month so far", () => {
	it('shows the usage so far and its bill, block by block, as the tariff module rates it', () => {
		const e = estimateMonth(input());
		expect(e.usageSoFarWh).toBe(120_000);
		expect(e.asOf).toBe('2026-10-10');
		expect(e.soFar.total.toString()).toBe(
			rateMonth(TARIFF_VERSIONS, 'household', '2026-10', '120').total.toString()
		);
		expect(e.soFarTiyin).toBe(120 * 600 * 100);
		expect(e.soFar.lines).toHaveLength(1);
	});

	it('projects the month from the daily average so far', () => {
		const e = estimateMonth(input());
		expect(e.daysCovered).toBe(10);
		expect(e.projectedUsageWh).toBe(31 * 12_000);
		// 372 kWh in 2025-05 household blocks: 200 × 600 + 172 × 800.
		expect(e.projectedTiyin).toBe((200 * 600 + 172 * 800) * 100);
		expect(e.projected?.lines).toHaveLength(2);
	});

	it('says how many days the prepayment lasts at the recent daily use', () => {
		const readings = [
			...daily('2026-10-01', '2026-10-03', 5_010_000, 10_000),
			...daily('2026-10-04', '2026-10-10', 5_050_000, 20_000) // 20 kWh a day this past week
		];
		const e = estimateMonth(input({ readings }));
		expect(e.recentDailyWh).toBe(20_000);
		// A month at 20 kWh a day is 620 kWh: 200 × 600 + 300 × 800 + 120 × 1,000 so'm = 480,000 so'm.
		const monthTiyin = (200 * 600 + 300 * 800 + 120 * 1000) * 100;
		expect(e.recentDailyCostTiyin).toBe(Math.round(monthTiyin / 31));
		const left = 20_000_000 - e.soFarTiyin;
		expect(e.prepaymentDays).toBe(Math.floor(left / (e.recentDailyCostTiyin as number)));
		expect(e.prepaymentDays).toBeGreaterThan(0);
	});

	it('has no prepayment to last when the account is in debt or the usage so far ate it', () => {
		expect(estimateMonth(input({ balanceTiyin: -500_000 })).prepaymentDays).toBeNull();
		expect(estimateMonth(input({ balanceTiyin: 100 })).prepaymentDays).toBe(0);
	});

	it("starts from the month's first reading when the previous month's last is unknown", () => {
		const e = estimateMonth(input({ previousReading: null }));
		expect(e.from).toEqual({ date: '2026-10-01', valueWh: 5_012_000, estimated: false });
		expect(e.usageSoFarWh).toBe(9 * 12_000);
		expect(e.projectedUsageWh).toBe(9 * 12_000 + 21 * 12_000);
	});

	it('interpolates the month start when the last reading before it is older', () => {
		const e = estimateMonth(input({ previousReading: { date: '2026-09-28', valueWh: 4_976_000 } }));
		expect(e.from).toEqual({ date: '2026-09-30', valueWh: 5_000_000, estimated: true });
		expect(e.usageSoFarWh).toBe(120_000);
	});

	it('shows nothing to project on the first day of the month, before any reading', () => {
		const e = estimateMonth(input({ today: '2026-10-01', readings: [] }));
		expect(e.usageSoFarWh).toBe(0);
		expect(e.soFarTiyin).toBe(0);
		expect(e.asOf).toBeNull();
		expect(e.projectedUsageWh).toBeNull();
		expect(e.prepaymentDays).toBeNull();
	});

	it('ignores readings from other months and from after today', () => {
		const readings = [
			...daily('2026-10-01', '2026-10-10', 5_012_000, 12_000),
			{ date: '2026-10-12', valueWh: 9_999_999 }
		];
		expect(estimateMonth(input({ readings })).usageSoFarWh).toBe(120_000);
	});
});
