import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db';
import { billMonth, billMonthSteps } from '../../src/lib/server/services/billing/run';
import { verifyLedger } from '../../src/lib/server/services/ledger';
import { ingestReadings } from '../../src/lib/server/services/readingIngest';
import { FIXED_NOW, tempDb } from './helpers/testDb';
import { aMeter, anAccount, dailyReadings, readingsOn } from './helpers/builders';

// FIXED_NOW is 2026-11-01 in Tashkent: October 2026 is over.
const NOW = FIXED_NOW;
const LATER = NOW + 3 * 86_400_000;
const MONTH = '2026-10';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

/** A fresh database with every kind of account month the run meets, the same each time. */
function aNeighbourhood(): { db: Db; serials: string[] } {
	const t = tempDb();
	cleanups.push(t.cleanup);
	const { db } = t;
	const serials: string[] = [];
	// The same account numbers and meter serials in every neighbourhood.
	let n = 0;
	const home = (tariffClass: 'household' | 'stove' = 'household') =>
		anAccount(db, { number: `770000${String(++n).padStart(4, '0')}`, tariffClass });
	const meter = (accountId: number, dates: { installedOn?: string; removedOn?: string } = {}) =>
		aMeter(db, accountId, { serial: `RA${String(++n).padStart(6, '0')}`, ...dates });
	for (let i = 0; i < 30; i++) {
		const account = home(i % 4 === 0 ? 'stove' : 'household');
		const { id: meterId, serial } = meter(account.id);
		serials.push(serial);
		dailyReadings(db, meterId, '2026-09-30', '2026-11-01', 1_000_000 * i, 3_000 + 977 * i);
	}
	// A meter replaced mid-month.
	const replaced = home();
	const old = meter(replaced.id, { installedOn: '2019-05-01', removedOn: '2026-10-14' });
	dailyReadings(db, old.id, '2026-09-30', '2026-10-14', 8_500_000, 20_000);
	const replacement = meter(replaced.id, { installedOn: '2026-10-14' });
	dailyReadings(db, replacement.id, '2026-10-14', '2026-11-01', 0, 15_000);
	// Month edges estimated from readings either side.
	readingsOn(db, meter(home().id).id, {
		'2026-09-20': 1_000_000,
		'2026-10-10': 1_200_000,
		'2026-11-01': 1_420_000
	});
	// Waiting for the month's last reading, no meter at all, a register that went down.
	dailyReadings(db, meter(home().id).id, '2026-09-30', '2026-10-30', 0, 1000);
	home();
	readingsOn(db, meter(home().id).id, { '2026-09-30': 5_000, '2026-10-31': 4_000 });
	return { db, serials };
}

/** Everything billing writes, without ids, sync versions or times. */
function billed(db: Db) {
	const all = (sql: string) => db.$client.prepare(sql).all();
	return {
		charges: all(
			'select account_id, month, revision, usage_wh, amount_tiyin, estimated, lines_json from charges order by account_id, revision'
		),
		ledger: all(
			'select account_id, kind, amount_tiyin, date, source_ref from ledger_entries order by account_id, id'
		),
		balances: all('select id, balance_tiyin from accounts order by id'),
		unversioned: all(
			'select (select count(*) from charges where version = 0) + (select count(*) from ledger_entries where version = 0) as n'
		)
	};
}

describe('billing with a reading thread', () => {
	it('writes the same charges, ledger entries and balances as billing on one thread', () => {
		const one = aNeighbourhood().db;
		const two = aNeighbourhood().db;
		const alone = billMonth(one, { month: MONTH, nowMs: NOW, chunkSize: 4, readAhead: false });
		const ahead = billMonth(two, { month: MONTH, nowMs: NOW, chunkSize: 4, readAhead: true });
		expect(ahead).toEqual(alone);
		expect(ahead).toMatchObject({ charged: 32, skipped: 3, estimated: 1 });
		expect(billed(two)).toEqual(billed(one));
		expect(billed(two).unversioned).toEqual([{ n: 0 }]);
		expect(verifyLedger(two).mismatches).toEqual([]);
	});

	it('changes nothing on a second run, and turns a corrected reading into one correcting entry', () => {
		const { db, serials } = aNeighbourhood();
		billMonth(db, { month: MONTH, nowMs: NOW, chunkSize: 4, readAhead: true });
		const before = billed(db);
		const again = billMonth(db, { month: MONTH, nowMs: LATER, chunkSize: 4, readAhead: true });
		expect(again).toMatchObject({ charged: 0, corrected: 0, unchanged: again.rated });
		expect(billed(db)).toEqual(before);

		ingestReadings(
			db,
			// Between 30 October (7,295.170 kWh) and 1 November (7,314.848 kWh).
			[{ row: 1, reading: { meter: serials[7], date: '2026-10-31', kwh: '7310.000' } }],
			{ source: 'smart', nowMs: LATER }
		);
		const corrected = billMonth(db, { month: MONTH, nowMs: LATER, chunkSize: 4, readAhead: true });
		expect(corrected).toMatchObject({ charged: 0, corrected: 1 });
		const entries = db.$client
			.prepare("select count(*) as n from ledger_entries where source_ref like '%:correction:%'")
			.get();
		expect(entries).toEqual({ n: 1 });
		expect(verifyLedger(db).mismatches).toEqual([]);
	});

	it('charges each account once when two runs of the same month overlap', async () => {
		const { db } = aNeighbourhood();
		const ahead = billMonthSteps(db, { month: MONTH, nowMs: NOW, chunkSize: 2, readAhead: true });
		ahead.next();
		await new Promise((resolve) => setTimeout(resolve, 500)); // the reader reads on
		// A second run (the operators' screen, say) bills the whole month in between.
		const other = billMonth(db, { month: MONTH, nowMs: NOW, chunkSize: 3, readAhead: false });
		let step = ahead.next();
		while (!step.done) step = ahead.next();
		expect(other.charged + step.value.charged).toBe(32);
		expect(step.value.corrected).toBe(0);
		const twice = db.$client
			.prepare(
				'select account_id from charges group by account_id, month, revision having count(*) > 1'
			)
			.all();
		expect(twice).toEqual([]);
		const charges = db.$client.prepare('select count(*) as n from charges').get();
		const entries = db.$client.prepare('select count(*) as n from ledger_entries').get();
		expect([charges, entries]).toEqual([{ n: 32 }, { n: 32 }]);
		expect(verifyLedger(db).mismatches).toEqual([]);
	});

	it('bills a reading corrected while the run is under way at its new value', async () => {
		const { db, serials } = aNeighbourhood();
		const steps = billMonthSteps(db, { month: MONTH, nowMs: NOW, chunkSize: 2, readAhead: true });
		steps.next(); // the first chunk of two accounts is written…
		await new Promise((resolve) => setTimeout(resolve, 500)); // …and the reader reads on.
		// The tenth account's meter: read ahead by now, not yet written.
		const meterOf = (serial: string) =>
			db.$client.prepare('select id, account_id from meters where serial = ?').get(serial) as {
				id: number;
				account_id: number;
			};
		const { account_id: accountId } = meterOf(serials[9]);
		ingestReadings(
			db,
			// Between 30 October (9,353.790 kWh) and 1 November (9,377.376 kWh).
			[{ row: 1, reading: { meter: serials[9], date: '2026-10-31', kwh: '9370.000' } }],
			{ source: 'smart', nowMs: NOW }
		);
		let step = steps.next();
		while (!step.done) step = steps.next();
		expect(step.value.corrected).toBe(0);
		const charge = db.$client
			.prepare('select revision, usage_wh from charges where account_id = ?')
			.all(accountId);
		// 9 × 1,000,000 Wh on 30 September; 9,370 kWh on 31 October.
		expect(charge).toEqual([{ revision: 0, usage_wh: 9_370_000 - 9_000_000 }]);
	});
});
