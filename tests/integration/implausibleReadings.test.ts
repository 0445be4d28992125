import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import type { Db } from '../../src/lib/server/db';
import { ingestReadings } from '../../src/lib/server/services/readingIngest';
import { billMonth } from '../../src/lib/server/services/billing/run';
import { seedDemoUsers } from '../../src/lib/server/seed/users';
import { rateMonth, TARIFF_VERSIONS } from '../../src/lib/tariff';
import { whToKwhText } from '../../src/lib/domain/readings/kwh';
import { callerAs, FIXED_NOW, tempDb } from './helpers/testDb';
import {
	aMeter,
	anAccount,
	dailyReadings,
	ledgerOf,
	readingOf,
	readingsOn
} from './helpers/builders';

// The probe's row: one head-end sent `SM00001001,2026-10-31,99999999.000` between readings of
// 19,500 and 19,508 kWh, and the October bill came out at 199,956,910,165 so'm. A cumulative
// register never runs backwards and a household does not use millions of kWh a day: such a
// reading is refused or held for an operator, and billing never charges it.

let db: Db;
let cleanup: () => void;
beforeAll(async () => {
	({ db, cleanup } = tempDb());
	await seedDemoUsers(db, FIXED_NOW);
});
afterAll(() => cleanup());

const PROBE_KWH = '99999999.000';

/** An account whose meter counted 10 kWh a day through October, 19,500 kWh on 30 October. */
function aHome() {
	const account = anAccount(db);
	const meter = aMeter(db, account.id);
	dailyReadings(db, meter.id, '2026-09-30', '2026-10-30', 19_200_000, 10_000);
	return { account, meter };
}

const tariffTiyin = (usageWh: number) =>
	rateMonth(TARIFF_VERSIONS, 'household', '2026-10', whToKwhText(usageWh))
		.total.times(100)
		.toNumber();

const octoberCharges = (accountId: number) =>
	db.$client
		.prepare('select usage_wh, amount_tiyin from charges where account_id = ? and month = ?')
		.all(accountId, '2026-10') as Array<{ usage_wh: number; amount_tiyin: number }>;

const ingestOne = (serial: string, date: string, kwh: string) =>
	ingestReadings(db, [{ row: 1, reading: { meter: serial, date, kwh } }], {
		source: 'smart',
		nowMs: FIXED_NOW
	});

describe("the probe's reading", () => {
	it('is refused between its neighbours, and October bills only the real usage', () => {
		const { account, meter } = aHome();
		readingsOn(db, meter.id, { '2026-10-31': 19_504_000, '2026-11-01': 19_508_000 });

		const report = ingestOne(meter.serial, '2026-10-31', PROBE_KWH);
		expect(report).toMatchObject({ inserted: 0, corrected: 0, rejected: 1, suspect: 0 });
		expect(report.rejections[0]).toMatchObject({ row: 1, reason: 'higher_than_next' });
		expect(report.rejections[0].message).toContain('19508.000 kWh on 2026-11-01');
		expect(readingOf(db, meter.id, '2026-10-31')?.value_wh).toBe(19_504_000);

		billMonth(db, { month: '2026-10', nowMs: FIXED_NOW });
		expect(octoberCharges(account.id)).toEqual([
			{ usage_wh: 304_000, amount_tiyin: tariffTiyin(304_000) }
		]);
	});

	it('is held as suspect when it is the newest, not billed, and billed once an operator corrects it', async () => {
		const { account, meter } = aHome();
		const report = ingestOne(meter.serial, '2026-10-31', PROBE_KWH);
		expect(report).toMatchObject({ inserted: 0, rejected: 0, suspect: 1 });
		expect(report.suspects[0]).toMatchObject({ row: 1, reason: 'usage_above_ceiling' });
		expect(report.suspects[0].message).toContain('above the ceiling of 500 kWh a day');
		expect(readingOf(db, meter.id, '2026-10-31')).toBeUndefined();
		// The head-end resends the same row: still one suspect, not two.
		expect(ingestOne(meter.serial, '2026-10-31', PROBE_KWH).suspect).toBe(1);

		const billed = billMonth(db, { month: '2026-10', nowMs: FIXED_NOW });
		expect(billed.chargedTiyin).toBeLessThan(100_000_000); // 1,000,000 so'm for every account here
		for (const charge of octoberCharges(account.id))
			expect(charge.usage_wh).toBeLessThan(500_000 * 31);

		const operator = await callerAs(db, 'operator', 'operate12345');
		const held = await operator.office.readings.suspects({});
		const mine = held.filter((s) => s.meterSerial === meter.serial);
		expect(mine).toHaveLength(1);
		expect(mine[0]).toMatchObject({
			accountNumber: account.number,
			date: '2026-10-31',
			kwh: PROBE_KWH,
			reason: 'usage_above_ceiling',
			previous: { date: '2026-10-30', kwh: '19500.000' }
		});

		await operator.office.readings.correct({ suspectId: mine[0].id, kwh: '19504.000' });
		expect(readingOf(db, meter.id, '2026-10-31')).toMatchObject({ value_wh: 19_504_000 });
		expect((await operator.office.readings.suspects({})).some((s) => s.id === mine[0].id)).toBe(
			false
		);
		// Deciding twice is refused: the first decision stands.
		await expect(operator.office.readings.accept({ suspectId: mine[0].id })).rejects.toMatchObject({
			code: 'CONFLICT',
			message: 'error.suspect_resolved'
		});

		billMonth(db, { month: '2026-10', nowMs: FIXED_NOW });
		const charges = octoberCharges(account.id);
		expect(charges.at(-1)).toEqual({ usage_wh: 304_000, amount_tiyin: tariffTiyin(304_000) });
	});

	it('is applied as sent when an operator accepts a suspect reading', async () => {
		const { meter } = aHome();
		expect(ingestOne(meter.serial, '2026-10-31', '21500.000').suspect).toBe(1); // 2,000 kWh a day
		const operator = await callerAs(db, 'operator', 'operate12345');
		const [held] = (await operator.office.readings.suspects({})).filter(
			(s) => s.meterSerial === meter.serial
		);
		await operator.office.readings.accept({ suspectId: held.id });
		expect(readingOf(db, meter.id, '2026-10-31')).toMatchObject({ value_wh: 21_500_000 });
	});

	it('is not for residents or inspectors to see or decide', async () => {
		for (const [login, password] of [
			['demo', 'demo12345'],
			['inspector', 'inspect12345']
		]) {
			const caller = await callerAs(db, login, password);
			await expect(caller.office.readings.suspects({})).rejects.toBeInstanceOf(TRPCError);
			await expect(caller.office.readings.accept({ suspectId: 1 })).rejects.toMatchObject({
				code: 'FORBIDDEN'
			});
		}
	});
});

describe('a register never runs backwards', () => {
	it('refuses a reading above the next one, and takes a batch that raises both days in order', () => {
		const { meter } = aHome();
		readingsOn(db, meter.id, { '2026-10-31': 19_504_000 });
		const late = ingestOne(meter.serial, '2026-10-29', '19505.000');
		expect(late.rejections.map((r) => r.reason)).toEqual(['higher_than_next']);

		// A head-end resending 29 and 30 October higher, together, stays in order.
		const both = ingestReadings(
			db,
			[
				{ row: 1, reading: { meter: meter.serial, date: '2026-10-30', kwh: '19502.000' } },
				{ row: 2, reading: { meter: meter.serial, date: '2026-10-29', kwh: '19495.000' } }
			],
			{ source: 'smart', nowMs: FIXED_NOW }
		);
		expect(both).toMatchObject({ corrected: 2, rejected: 0 });
		// When the later of two raised days passes its stored neighbour, the earlier one is
		// refused too: it would otherwise end up above the day after it.
		readingsOn(db, meter.id, { '2026-11-01': 19_550_000 });
		const over = ingestReadings(
			db,
			[
				{ row: 1, reading: { meter: meter.serial, date: '2026-10-30', kwh: '19520.000' } },
				{ row: 2, reading: { meter: meter.serial, date: '2026-10-31', kwh: '19600.000' } },
				{ row: 3, reading: { meter: meter.serial, date: '2026-10-29', kwh: '19501.000' } }
			],
			{ source: 'smart', nowMs: FIXED_NOW }
		);
		expect(over).toMatchObject({ corrected: 1, rejected: 2 });
		expect(over.rejections.map((r) => [r.row, r.reason])).toEqual([
			[1, 'higher_than_next'],
			[2, 'higher_than_next']
		]);
		expect(readingOf(db, meter.id, '2026-10-31')?.value_wh).toBe(19_504_000);
		expect(readingOf(db, meter.id, '2026-10-29')?.value_wh).toBe(19_501_000);
	});
});

describe('the billing run', () => {
	it('refuses to charge a month above the ceiling and says which account', () => {
		const { account, meter } = aHome();
		// Stored before readings were checked: 40,000 kWh in one day.
		readingsOn(db, meter.id, { '2026-10-31': 59_500_000 });
		const report = billMonth(db, { month: '2026-10', nowMs: FIXED_NOW });
		expect(report.skippedByReason.usage_above_ceiling).toBe(1);
		expect(report.skippedAccounts).toContainEqual({
			accountNumber: account.number,
			reason: 'usage_above_ceiling',
			detail: expect.stringContaining('above the ceiling')
		});
		expect(octoberCharges(account.id)).toEqual([]);
		expect(ledgerOf(db, account.id)).toEqual([]);
	});
});
