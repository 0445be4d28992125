import { describe, expect, it } from 'vitest';
import {
	dailyCeilingKwh,
	monthCeilingWh,
	parseDailyCeilings,
	usageAboveCeiling
} from '../../src/lib/domain/readings/plausibility';

describe('the daily plausibility ceiling', () => {
	it('is 500 kWh a day for households unless configured, per tariff class', () => {
		expect(dailyCeilingKwh(parseDailyCeilings(undefined), 'household')).toBe(500);
		const custom = parseDailyCeilings('household=400, stove=650');
		expect(dailyCeilingKwh(custom, 'household')).toBe(400);
		expect(dailyCeilingKwh(custom, 'stove')).toBe(650);
		expect(dailyCeilingKwh(custom, 'business')).toBe(500); // the default
	});

	it('refuses a setting that is not class=whole kWh above 0, naming the part', () => {
		for (const bad of ['household=0', 'household=5.5', 'household', '=500', 'Household=1'])
			expect(() => parseDailyCeilings(bad), bad).toThrow(`"${bad}"`);
	});

	it('judges usage over the days between two readings, exactly at the bound', () => {
		const from = { date: '2026-10-01', valueWh: 1_000_000 };
		expect(usageAboveCeiling(from, { date: '2026-10-03', valueWh: 2_000_000 }, 500)).toBeNull();
		expect(usageAboveCeiling(from, { date: '2026-10-03', valueWh: 2_000_001 }, 500)).toContain(
			'1000.001 kWh in 2 days'
		);
		expect(monthCeilingWh(500, 31)).toBe(15_500_000);
	});
});
