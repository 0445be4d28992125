import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/lib/server/seed/demo';
import { tempDb, FIXED_END_DATE } from './helpers/testDb';
import type { Db } from '../../src/lib/server/db';

let db: Db;
let cleanup: () => void;
beforeAll(() => {
	({ db, cleanup } = tempDb());
	seedDemoData(db, { accounts: 300, endDate: FIXED_END_DATE });
});
afterAll(() => cleanup());

const q = <T>(sql: string, ...args: unknown[]) => db.$client.prepare(sql).all(...args) as T[];

// Monthly usage per account from the month-end readings.
function monthlyUsage() {
	return q<{ account_id: number; month: string; usage_wh: number }>(`
		with month_end as (
			select m.account_id, substr(r.date, 1, 7) as month, max(r.value_wh) as value_wh
			from readings r join meters m on m.id = r.meter_id group by m.account_id, month
		)
		select account_id, month, value_wh - lag(value_wh) over (partition by account_id order by month) as usage_wh
		from month_end`).filter((r) => r.usage_wh !== null);
}

describe('demo data', () => {
	it('spreads the accounts over all 14 regions', () => {
		const rows = q<{ n: number }>(
			'select count(distinct d.region_soato) as n from accounts a join districts d on d.soato = a.district_soato'
		);
		expect(rows[0].n).toBe(14);
		expect(q<{ n: number }>('select count(*) as n from accounts')[0].n).toBe(303);
	});

	it('holds the three fixed demo accounts with their tariff classes', () => {
		const rows = q<{ number: string; tariff_class: string }>(
			"select number, tariff_class from accounts where number like '1726001%' order by number"
		);
		expect(rows).toEqual([
			{ number: '1726001001', tariff_class: 'household' },
			{ number: '1726001002', tariff_class: 'stove' },
			{ number: '1726001003', tariff_class: 'household' }
		]);
	});

	it('has daily readings for 24 months up to the end date on smart meters', () => {
		const rows = q<{ first: string; last: string; n: number }>(`
			select min(r.date) as first, max(r.date) as last, count(*) as n from readings r
			join meters m on m.id = r.meter_id join accounts a on a.id = m.account_id where a.number = '1726001001'`);
		expect(rows[0].last).toBe(FIXED_END_DATE);
		expect(rows[0].first).toBe('2024-09-30');
		expect(rows[0].n).toBe(762);
	});

	it('follows the seasons: winter above spring, summer above spring', () => {
		const usage = monthlyUsage();
		const mean = (mm: string) => {
			const xs = usage.filter((u) => u.month.endsWith(mm)).map((u) => u.usage_wh);
			return xs.reduce((a, b) => a + b, 0) / xs.length;
		};
		expect(mean('-01')).toBeGreaterThan(mean('-04') * 1.5);
		expect(mean('-07')).toBeGreaterThan(mean('-04') * 1.2);
	});

	it('has a few consumers above 1,000 and above 5,000 kWh a month', () => {
		const usage = monthlyUsage();
		const over = (kwh: number) =>
			new Set(usage.filter((u) => u.usage_wh > kwh * 1000).map((u) => u.account_id)).size;
		expect(over(1000)).toBeGreaterThanOrEqual(3);
		expect(over(5000)).toBeGreaterThanOrEqual(1);
		expect(over(1000)).toBeLessThan(303 * 0.1);
	});

	it('keeps every balance equal to the sum of its ledger entries', () => {
		const bad = q(`select a.id from accounts a left join ledger_entries l on l.account_id = a.id
			group by a.id having a.balance_tiyin != coalesce(sum(l.amount_tiyin), 0)`);
		expect(bad).toEqual([]);
		expect(
			q<{ n: number }>("select count(*) as n from ledger_entries where kind = 'payment'")[0].n
		).toBeGreaterThan(300);
	});

	it('is the same every time for the same seed', () => {
		const again = tempDb();
		try {
			seedDemoData(again.db, { accounts: 300, endDate: FIXED_END_DATE });
			const digest = (d: Db) =>
				d.$client
					.prepare(
						'select count(*) as n, sum(value_wh) as s, sum(meter_id * value_wh % 1000003) as h from readings'
					)
					.get();
			expect(digest(again.db)).toEqual(digest(db));
			const ledger = (d: Db) =>
				d.$client.prepare('select sum(amount_tiyin) as s, count(*) as n from ledger_entries').get();
			expect(ledger(again.db)).toEqual(ledger(db));
		} finally {
			again.cleanup();
		}
	});
});
