import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { anonymousCaller, callerAs, pullAll, seededDb } from './helpers/testDb';
import type { AccountSummary } from '../../src/lib/domain/account';
import type { Db } from '../../src/lib/server/db';

let db: Db;
let cleanup: () => void;
beforeAll(async () => {
	({ db, cleanup } = await seededDb(10));
});
afterAll(() => cleanup());

const accountId = (number: string) =>
	(db.$client.prepare('select id from accounts where number = ?').get(number) as { id: number }).id;

describe("a resident's accounts", () => {
	it('demo sees exactly their two accounts, with figures equal to SQLite', async () => {
		const caller = await callerAs(db, 'demo', 'demo12345');
		const accounts = (await pullAll(caller)).rows('accounts') as unknown as AccountSummary[];
		expect(accounts.map((a) => a.number).sort()).toEqual(['1726001001', '1726001002']);
		for (const a of accounts) {
			const sum = db.$client
				.prepare(
					'select coalesce(sum(amount_tiyin), 0) as s from ledger_entries where account_id = ?'
				)
				.get(a.id) as { s: number };
			expect(a.balanceTiyin).toBe(sum.s);
			const lastPayment = db.$client
				.prepare(
					"select date, amount_tiyin from ledger_entries where account_id = ? and kind = 'payment' order by date desc, id desc limit 1"
				)
				.get(a.id) as { date: string; amount_tiyin: number };
			expect(a.lastPayment).toMatchObject({
				date: lastPayment.date,
				amountTiyin: lastPayment.amount_tiyin
			});
			const lastReading = db.$client
				.prepare(
					'select r.date, r.value_wh from readings r join meters m on m.id = r.meter_id where m.account_id = ? order by r.date desc limit 1'
				)
				.get(a.id) as { date: string; value_wh: number };
			expect(a.lastReading).toMatchObject({
				date: lastReading.date,
				valueWh: lastReading.value_wh
			});
		}
	});

	it('the demo accounts show one prepayment and one debt', async () => {
		const caller = await callerAs(db, 'demo', 'demo12345');
		const [household, stove] = await caller.accounts.list();
		expect(household.balanceTiyin).toBeGreaterThan(0);
		expect(stove.balanceTiyin).toBeLessThan(0);
	});

	it("demo2 asking for demo's accounts by id is refused", async () => {
		const caller = await callerAs(db, 'demo2', 'demo12345');
		for (const number of ['1726001001', '1726001002']) {
			const error = await caller.accounts
				.byId({ accountId: accountId(number) })
				.catch((e: unknown) => e);
			expect(error).toBeInstanceOf(TRPCError);
			expect((error as TRPCError).code).toBe('FORBIDDEN');
			expect((error as TRPCError).message).toBe('error.account_forbidden');
		}
		const own = await caller.accounts.byId({ accountId: accountId('1726001003') });
		expect(own.number).toBe('1726001003');
		const { rows } = await pullAll(caller);
		expect(rows('accounts').map((a) => a.number)).toEqual(['1726001003']);
		expect(rows('ledger').every((r) => r.accountId === accountId('1726001003'))).toBe(true);
		expect(rows('readingMonths').every((r) => r.accountId === accountId('1726001003'))).toBe(true);
	});

	it('staff sign-ins see no resident accounts through the resident procedures', async () => {
		const inspector = await callerAs(db, 'inspector', 'inspect12345');
		const error = await inspector.accounts
			.byId({ accountId: accountId('1726001001') })
			.catch((e: unknown) => e);
		expect((error as TRPCError).code).toBe('FORBIDDEN');
		expect((await pullAll(inspector)).rows('accounts')).toEqual([]);
	});

	it('a signed-out visitor gets nothing', async () => {
		const error = await anonymousCaller(db)
			.sync.pull({ protocol: 1, cursor: null, limit: 100 })
			.catch((e: unknown) => e);
		expect((error as TRPCError).code).toBe('UNAUTHORIZED');
	});

	it('a malformed account id is a bad request', async () => {
		const caller = await callerAs(db, 'demo', 'demo12345');
		for (const input of [{ accountId: '1' }, { accountId: -1 }, { accountId: 1.5 }, {}]) {
			const error = await caller.accounts.byId(input as never).catch((e: unknown) => e);
			expect((error as TRPCError).code).toBe('BAD_REQUEST');
		}
	});
});
