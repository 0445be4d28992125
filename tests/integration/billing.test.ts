import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import {
	compileMonth,
	rateMonth,
	rateMonthTiyin,
	TARIFF_VERSIONS,
	type TariffVersion
} from '../../src/lib/tariff';
import { decodeChargeLines } from '../../src/lib/domain/billing';
import { whToKwhText } from '../../src/lib/domain/readings/kwh';
import type { Db } from '../../src/lib/server/db';
import { billMonth } from '../../src/lib/server/services/billing/run';
import { ingestReadings } from '../../src/lib/server/services/readingIngest';
import { callerAs, FIXED_NOW, seededDb, tempDb } from './helpers/testDb';
import {
	aMeter,
	anAccount,
	balanceOf,
	dailyReadings,
	ledgerOf,
	npmRun,
	readingsOn
} from './helpers/builders';

// FIXED_NOW is 2026-11-01 in Tashkent: October 2026 is over, November is not.
const NOW = FIXED_NOW;
const LATER = NOW + 3 * 86_400_000;

let db: Db;
let dir: string;
let cleanup: () => void;
beforeAll(() => {
	({ db, dir, cleanup } = tempDb());
});
afterAll(() => cleanup());

const chargesOf = (accountId: number) =>
	db.$client
		.prepare(
			'select month, revision, usage_wh, amount_tiyin, estimated, lines_json from charges where account_id = ? order by month, revision'
		)
		.all(accountId) as Array<{
		month: string;
		revision: number;
		usage_wh: number;
		amount_tiyin: number;
		estimated: number;
		lines_json: string;
	}>;

/** The tariff module's own figure for a month's usage. */
const tariffTiyin = (
	tariffClass: string,
	month: string,
	usageWh: number,
	versions: readonly TariffVersion[] = TARIFF_VERSIONS
) => rateMonth(versions, tariffClass, month, whToKwhText(usageWh)).total.times(100).toNumber();

/** An account with a smart meter read daily from 30 September to 3 November, 11 kWh a day. */
function aBilledHome(tariffClass: 'household' | 'stove' = 'household') {
	const account = anAccount(db, { tariffClass });
	const meter = aMeter(db, account.id);
	dailyReadings(db, meter.id, '2026-09-30', '2026-11-01', 4_000_000, 11_000);
	return { account, meter };
}

describe('the monthly billing run', () => {
	it('charges each account its month once, with the ledger entry and balance to match', () => {
		const { account } = aBilledHome();
		const report = billMonth(db, { month: '2026-10', nowMs: NOW });
		expect(report).toMatchObject({
			month: '2026-10',
			charged: report.accounts,
			skipped: 0,
			corrected: 0
		});
		const expected = tariffTiyin('household', '2026-10', 31 * 11_000);
		expect(chargesOf(account.id)).toMatchObject([
			{ month: '2026-10', revision: 0, usage_wh: 341_000, amount_tiyin: expected, estimated: 0 }
		]);
		expect(ledgerOf(db, account.id)).toEqual([
			{ kind: 'charge', amount_tiyin: -expected, date: '2026-11-01', source_ref: 'billing:2026-10' }
		]);
		expect(balanceOf(db, account.id)).toBe(-expected);
	});

	it('changes nothing when a month is billed twice', () => {
		const { account } = aBilledHome();
		billMonth(db, { month: '2026-10', nowMs: NOW });
		const snapshot = () => ({
			charges: db.$client
				.prepare('select count(*) as n, sum(amount_tiyin) as s from charges')
				.get(),
			ledger: db.$client
				.prepare('select count(*) as n, sum(amount_tiyin) as s from ledger_entries')
				.get(),
			balance: balanceOf(db, account.id)
		});
		const before = snapshot();
		const again = billMonth(db, { month: '2026-10', nowMs: LATER });
		expect(again.charged).toBe(0);
		expect(again.corrected).toBe(0);
		expect(again.unchanged).toBe(again.rated);
		expect(snapshot()).toEqual(before);
	});

	it('turns a corrected reading into one correcting entry of the difference, never a second charge', () => {
		const { account, meter } = aBilledHome();
		billMonth(db, { month: '2026-10', nowMs: NOW });
		const first = tariffTiyin('household', '2026-10', 341_000);

		// The head-end resends 31 October 150 kWh higher (and 1 November to stay in order).
		const report = ingestReadings(
			db,
			[
				{ row: 1, reading: { meter: meter.serial, date: '2026-10-31', kwh: '4491.000' } },
				{ row: 2, reading: { meter: meter.serial, date: '2026-11-01', kwh: '4502.000' } }
			],
			{ source: 'smart', nowMs: LATER }
		);
		expect(report.corrected).toBe(2);

		const rerun = billMonth(db, { month: '2026-10', nowMs: LATER });
		expect(rerun.corrected).toBe(1);
		expect(rerun.charged).toBe(0);
		const second = tariffTiyin('household', '2026-10', 491_000);
		expect(rerun.correctedTiyin).toBe(second - first);
		expect(ledgerOf(db, account.id)).toEqual([
			{ kind: 'charge', amount_tiyin: -first, date: '2026-11-01', source_ref: 'billing:2026-10' },
			{
				kind: 'charge',
				amount_tiyin: -(second - first),
				date: '2026-11-04',
				source_ref: 'billing:2026-10:correction:1'
			}
		]);
		expect(balanceOf(db, account.id)).toBe(-second);
		expect(chargesOf(account.id).map((c) => [c.revision, c.usage_wh, c.amount_tiyin])).toEqual([
			[0, 341_000, first],
			[1, 491_000, second]
		]);

		// And a third run has nothing left to correct.
		expect(billMonth(db, { month: '2026-10', nowMs: LATER }).corrected).toBe(0);
	});

	it("bills a meter replaced mid-month from the old meter's final and the new meter's initial reading", () => {
		const account = anAccount(db);
		const old = aMeter(db, account.id, { installedOn: '2019-05-01', removedOn: '2026-10-14' });
		dailyReadings(db, old.id, '2026-09-30', '2026-10-14', 8_500_000, 20_000); // 14 days × 20 kWh
		const replacement = aMeter(db, account.id, { installedOn: '2026-10-14' });
		dailyReadings(db, replacement.id, '2026-10-14', '2026-11-01', 0, 15_000); // 17 days × 15 kWh
		const report = billMonth(db, { month: '2026-10', nowMs: NOW });
		expect(report.skippedAccounts.filter((s) => s.accountNumber === account.number)).toEqual([]);
		const usage = 14 * 20_000 + 17 * 15_000;
		expect(chargesOf(account.id)).toMatchObject([
			{ usage_wh: usage, amount_tiyin: tariffTiyin('household', '2026-10', usage), estimated: 0 }
		]);
	});

	it('estimates missing month-edge readings, marks the charge, and corrects it when the real one arrives', () => {
		const account = anAccount(db);
		const meter = aMeter(db, account.id);
		// A manual meter read now and then: nothing on 30 September or 31 October.
		readingsOn(db, meter.id, {
			'2026-09-20': 1_000_000,
			'2026-10-10': 1_200_000,
			'2026-11-01': 1_420_000
		});
		billMonth(db, { month: '2026-10', nowMs: NOW });
		// 30 Sep ≈ 1,000,000 + 200,000 × 10/20 = 1,100,000; 31 Oct ≈ 1,200,000 + 220,000 × 21/22 = 1,410,000.
		const [estimate] = chargesOf(account.id);
		expect(estimate).toMatchObject({
			usage_wh: 310_000,
			estimated: 1,
			amount_tiyin: tariffTiyin('household', '2026-10', 310_000)
		});

		readingsOn(db, meter.id, { '2026-10-31': 1_400_000 });
		const rerun = billMonth(db, { month: '2026-10', nowMs: LATER });
		expect(rerun.corrected).toBe(1);
		const [, actual] = chargesOf(account.id);
		expect(actual).toMatchObject({ revision: 1, usage_wh: 300_000, estimated: 1 }); // 30 Sep is still estimated
		expect(ledgerOf(db, account.id).at(-1)).toMatchObject({
			source_ref: 'billing:2026-10:correction:1',
			amount_tiyin: estimate.amount_tiyin - actual.amount_tiyin
		});
	});

	it('skips accounts it cannot bill yet, and says why', () => {
		const waiting = anAccount(db);
		dailyReadings(db, aMeter(db, waiting.id).id, '2026-09-30', '2026-10-30', 0, 1000);
		const meterless = anAccount(db);
		const report = billMonth(db, { month: '2026-10', nowMs: NOW });
		const why = Object.fromEntries(report.skippedAccounts.map((s) => [s.accountNumber, s.reason]));
		expect(why[waiting.number]).toBe('waiting_for_reading');
		expect(why[meterless.number]).toBe('no_meter');
		expect(report.skippedByReason.waiting_for_reading).toBeGreaterThanOrEqual(1);
		expect(ledgerOf(db, waiting.id)).toEqual([]);
	});

	it('refuses a month that is not over yet in Tashkent', () => {
		expect(() => billMonth(db, { month: '2026-11', nowMs: NOW })).toThrow(
			'error.billing_month_not_over'
		);
		// 31 October 19:30 UTC is already 1 November in Tashkent; 18:30 UTC is not.
		const scratch = tempDb();
		try {
			expect(
				billMonth(scratch.db, { month: '2026-10', nowMs: Date.parse('2026-10-31T19:30:00Z') })
					.accounts
			).toBe(0);
			expect(() =>
				billMonth(scratch.db, { month: '2026-10', nowMs: Date.parse('2026-10-31T18:30:00Z') })
			).toThrow();
		} finally {
			scratch.cleanup();
		}
	});

	it('rates a month whose tariff changes mid-month exactly as the tariff module does', () => {
		const midMonth: TariffVersion = {
			id: 'HOUSEHOLD_2026_10_16',
			tariffClass: 'household',
			effectiveFrom: '2026-10-16',
			blocks: [
				{ upToKwh: '200', pricePerKwh: '700' },
				{ upToKwh: null, pricePerKwh: '1200' }
			]
		};
		const versions = [...TARIFF_VERSIONS, midMonth];
		const scratch = tempDb();
		try {
			// The same home in a database of its own, billed with the split tariff.
			const other = anAccount(scratch.db);
			dailyReadings(
				scratch.db,
				aMeter(scratch.db, other.id).id,
				'2026-09-30',
				'2026-11-01',
				0,
				23_456
			);
			billMonth(scratch.db, { month: '2026-10', nowMs: NOW, versions });
			const [charge] = scratch.db.$client
				.prepare('select usage_wh, amount_tiyin, lines_json from charges')
				.all() as Array<{
				usage_wh: number;
				amount_tiyin: number;
				lines_json: string;
			}>;
			expect(charge.amount_tiyin).toBe(tariffTiyin('household', '2026-10', 31 * 23_456, versions));
			expect(charge.amount_tiyin).toBe(
				rateMonthTiyin(compileMonth(versions, 'household', '2026-10'), 31 * 23_456)
			);
			const lines = decodeChargeLines(charge.lines_json);
			expect(new Set(lines.map((l) => l.versionId))).toEqual(
				new Set(['HOUSEHOLD_2025_05', 'HOUSEHOLD_2026_10_16'])
			);
			expect(lines.reduce((sum, l) => sum + l.tiyin, 0)).toBe(charge.amount_tiyin);
			expect(lines.reduce((sum, l) => sum + l.wh, 0)).toBe(charge.usage_wh);
		} finally {
			scratch.cleanup();
		}
	});
});

describe('the billed demo', () => {
	let demo: Awaited<ReturnType<typeof seededDb>>;
	beforeAll(async () => {
		demo = await seededDb(60);
	});
	afterAll(() => demo.cleanup());

	it("charges exactly what the tariff module gives for each month's usage, line by line", () => {
		const rows = demo.db.$client
			.prepare(
				`select c.month, c.usage_wh, c.amount_tiyin, c.lines_json, a.tariff_class from charges c join accounts a on a.id = c.account_id`
			)
			.all() as Array<{
			month: string;
			usage_wh: number;
			amount_tiyin: number;
			lines_json: string;
			tariff_class: string;
		}>;
		expect(rows.length).toBe(63 * 24); // October 2024 to September 2026
		for (const row of rows) {
			const rating = rateMonth(
				TARIFF_VERSIONS,
				row.tariff_class,
				row.month,
				whToKwhText(row.usage_wh)
			);
			expect(row.amount_tiyin).toBe(rating.total.times(100).toNumber());
			expect(decodeChargeLines(row.lines_json).map((l) => l.tiyin)).toEqual(
				rating.lines.map((l) => l.amount.times(100).toNumber())
			);
		}
	});

	it('has one charge entry per account and month in the ledger, matching the charges', () => {
		const mismatched = demo.db.$client
			.prepare(
				`select c.account_id from charges c
				 left join ledger_entries l on l.account_id = c.account_id and l.source_ref = 'billing:' || c.month
				 where -coalesce(l.amount_tiyin, 0) <> c.amount_tiyin`
			)
			.all();
		expect(mismatched).toEqual([]);
	});

	it('lets an operator run billing through tRPC, and nobody else', async () => {
		const operator = await callerAs(demo.db, 'operator', 'operate12345');
		// The seed billed up to September; October is over on 1 November.
		expect(await operator.billing.run({ month: '2026-09' })).toMatchObject({
			accounts: 63,
			unchanged: 63,
			charged: 0
		});
		expect(await operator.billing.run({ month: '2026-10' })).toMatchObject({
			accounts: 63,
			charged: 63,
			corrected: 0
		});
		expect(await operator.billing.run({ month: '2026-10' })).toMatchObject({
			unchanged: 63,
			charged: 0
		});
		const resident = await callerAs(demo.db, 'demo', 'demo12345');
		const refused = await resident.billing.run({ month: '2026-10' }).catch((e: unknown) => e);
		expect((refused as TRPCError).code).toBe('FORBIDDEN');
		const open = await operator.billing.run({ month: '2026-11' }).catch((e: unknown) => e);
		expect((open as TRPCError).code).toBe('BAD_REQUEST');
		const malformed = await operator.billing.run({ month: '2026-13' }).catch((e: unknown) => e);
		expect((malformed as TRPCError).code).toBe('BAD_REQUEST');
	});
});

describe('npm run billing', () => {
	it('bills a month from the command line and reports what it did', () => {
		const { account } = aBilledHome('stove');
		const run = npmRun('billing', ['--month', '2026-10', '--json'], dir);
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		const report = JSON.parse(run.stdout);
		expect(report.month).toBe('2026-10');
		expect(report.charged).toBeGreaterThanOrEqual(1);
		expect(ledgerOf(db, account.id)).toMatchObject([
			{ source_ref: 'billing:2026-10', amount_tiyin: -tariffTiyin('stove', '2026-10', 341_000) }
		]);
		const usage = npmRun('billing', ['--month', 'October'], dir);
		expect(usage.status).toBe(2);
	});
});
