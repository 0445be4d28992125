import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, daysBetween } from '../../src/lib/domain/dates';
import {
	interpolateWh,
	monthlyUsage,
	type MeterHistory,
	type MeterReading
} from '../../src/lib/domain/usage/monthlyUsage';

/** Daily readings from `from` to `to`, starting at `startWh` and adding `dailyWh` a day. */
function daily(
	from: string,
	to: string,
	startWh: number,
	dailyWh: number | ((i: number) => number)
): MeterReading[] {
	const out: MeterReading[] = [];
	let value = startWh;
	for (let date = from, i = 0; date <= to; date = addDays(date, 1), i++) {
		if (i > 0) value += typeof dailyWh === 'number' ? dailyWh : dailyWh(i);
		out.push({ date, valueWh: value });
	}
	return out;
}

const aMeter = (overrides: Partial<MeterHistory> = {}): MeterHistory => ({
	serial: 'SM1',
	installedOn: '2024-01-01',
	removedOn: null,
	readings: daily('2026-09-30', '2026-11-02', 1_000_000, 10_000),
	...overrides
});

describe("a month's usage", () => {
	it("is the month's last reading minus the previous month's last", () => {
		const usage = monthlyUsage('2026-10', [aMeter()]);
		expect(usage).toMatchObject({ ok: true, usageWh: 310_000, estimated: false });
	});

	it('interpolates a missing month-end reading by days and marks the month estimated', () => {
		const readings = [
			{ date: '2026-09-28', valueWh: 1_000_000 },
			{ date: '2026-10-03', valueWh: 1_050_000 }, // 10,000 Wh a day
			{ date: '2026-10-29', valueWh: 1_300_000 },
			{ date: '2026-11-02', valueWh: 1_340_001 } // 10,000.25 Wh a day
		];
		const usage = monthlyUsage('2026-10', [aMeter({ readings })]);
		expect(usage.ok).toBe(true);
		if (!usage.ok) return;
		expect(usage.estimated).toBe(true);
		expect(usage.meters[0].from).toEqual({
			date: '2026-09-30',
			valueWh: 1_020_000,
			estimated: true
		});
		expect(usage.meters[0].to).toEqual({ date: '2026-10-31', valueWh: 1_320_001, estimated: true });
		expect(usage.usageWh).toBe(300_001);
	});

	it('waits for a reading after the month end instead of guessing past the last one', () => {
		const usage = monthlyUsage('2026-10', [
			aMeter({ readings: daily('2026-09-30', '2026-10-30', 0, 5) })
		]);
		expect(usage).toMatchObject({ ok: false, problem: 'waiting_for_reading' });
	});

	it("adds the old meter's final and the new meter's initial reading when a meter is replaced mid-month", () => {
		const old = aMeter({
			serial: 'OLD',
			removedOn: '2026-10-12',
			readings: daily('2026-09-30', '2026-10-12', 5_000_000, 10_000)
		});
		const replacement = aMeter({
			serial: 'NEW',
			installedOn: '2026-10-12',
			readings: daily('2026-10-12', '2026-10-31', 0, 12_000)
		});
		const usage = monthlyUsage('2026-10', [replacement, old]);
		expect(usage).toMatchObject({ ok: true, usageWh: 12 * 10_000 + 19 * 12_000, estimated: false });
		if (usage.ok)
			expect(usage.meters.map((m) => [m.serial, m.usageWh])).toEqual([
				['OLD', 120_000],
				['NEW', 228_000]
			]);
	});

	it("cannot be known when a replaced meter's final or a new meter's initial reading is missing", () => {
		const old = aMeter({
			serial: 'OLD',
			removedOn: '2026-10-12',
			readings: daily('2026-09-30', '2026-10-11', 5_000_000, 1)
		});
		const replacement = aMeter({
			serial: 'NEW',
			installedOn: '2026-10-12',
			readings: daily('2026-10-13', '2026-10-31', 0, 1)
		});
		expect(
			monthlyUsage('2026-10', [
				old,
				aMeter({ ...replacement, readings: daily('2026-10-12', '2026-10-31', 0, 1) })
			])
		).toMatchObject({
			ok: false,
			problem: 'no_final_reading'
		});
		expect(monthlyUsage('2026-10', [replacement])).toMatchObject({
			ok: false,
			problem: 'no_initial_reading'
		});
	});

	it('ignores meters not installed in the month and says so when none was', () => {
		const gone = aMeter({ removedOn: '2026-09-30' });
		const later = aMeter({ installedOn: '2026-11-01' });
		expect(monthlyUsage('2026-10', [gone, later])).toMatchObject({
			ok: false,
			problem: 'no_meter'
		});
	});

	it('refuses a month whose readings go down', () => {
		const readings = [
			{ date: '2026-09-30', valueWh: 2000 },
			{ date: '2026-10-31', valueWh: 1000 }
		];
		expect(monthlyUsage('2026-10', [aMeter({ readings })])).toMatchObject({
			ok: false,
			problem: 'negative_usage'
		});
	});

	it('is the same from all the readings as from just the ones nearest each edge', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 0, max: 50_000 }), { minLength: 70, maxLength: 70 }),
				fc.array(fc.boolean(), { minLength: 70, maxLength: 70 }),
				(daysWh, kept) => {
					const every = daily('2026-09-01', '2026-11-09', 7_000_000, (i) => daysWh[i]);
					const some = every.filter((r, i) => kept[i] || i === 0 || i === every.length - 1);
					const nearest = (edge: string) => {
						const exact = some.find((r) => r.date === edge);
						if (exact) return [exact];
						return [
							some.filter((r) => r.date < edge).at(-1),
							some.find((r) => r.date > edge)
						].filter((r): r is MeterReading => r !== undefined);
					};
					const few = [...nearest('2026-09-30'), ...nearest('2026-10-31')];
					expect(monthlyUsage('2026-10', [aMeter({ readings: few })])).toEqual(
						monthlyUsage('2026-10', [aMeter({ readings: some })])
					);
				}
			)
		);
	});

	it('interpolates exactly, rounding half up, like a naive model with fractions', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 10 ** 12 }),
				fc.integer({ min: -(10 ** 12), max: 10 ** 12 }),
				fc.integer({ min: 1, max: 5000 }),
				fc.integer({ min: 0, max: 5000 }),
				(a, delta, whole, partRaw) => {
					const part = partRaw % (whole + 1);
					// round(a + delta × part / whole) half-up, with BigInt fractions.
					const n = BigInt(delta) * BigInt(part);
					const d = BigInt(whole);
					let q = n / d;
					let r = n % d;
					if (r < 0n) {
						q -= 1n;
						r += d;
					}
					const expected = a + Number(2n * r >= d ? q + 1n : q);
					expect(interpolateWh(a, a + delta, part, whole)).toBe(expected);
				}
			)
		);
	});

	it('counts days across month and year ends when interpolating', () => {
		expect(daysBetween('2025-12-30', '2026-01-02')).toBe(3);
		const readings = [
			{ date: '2025-12-30', valueWh: 0 },
			{ date: '2026-01-02', valueWh: 3000 },
			{ date: '2026-01-31', valueWh: 32_000 }
		];
		expect(monthlyUsage('2026-01', [aMeter({ readings })])).toMatchObject({
			ok: true,
			usageWh: 31_000,
			estimated: true
		});
	});
});
