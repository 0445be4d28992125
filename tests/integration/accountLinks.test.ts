import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { callerAs, FIXED_NOW, pullAll, seededDb } from './helpers/testDb';
import { createUser } from '../../src/lib/server/services/auth';
import { LINK_FAILURES_MAX } from '../../src/lib/server/services/accountLinks';
import { userAccounts } from '../../src/lib/server/db/schema';
import { LiveHub } from '../../src/lib/server/sync/live';
import { catalogue as en } from '../../src/lib/i18n/catalogues/en';
import { catalogue as ru } from '../../src/lib/i18n/catalogues/ru';
import { catalogue as uz } from '../../src/lib/i18n/catalogues/uz';
import { catalogue as uzCyrl } from '../../src/lib/i18n/catalogues/uzCyrl';
import type { Db } from '../../src/lib/server/db';

let db: Db;
let cleanup: () => void;

const accountId = (number: string) =>
	(db.$client.prepare('select id from accounts where number = ?').get(number) as { id: number }).id;

/** A per-account login as HET issues them: the login is the account number. */
async function perAccountLogin(number: string, password: string) {
	const userId = await createUser(
		db,
		{ login: number, password, role: 'resident', displayName: '' },
		FIXED_NOW
	);
	db.insert(userAccounts)
		.values({ userId, accountId: accountId(number), createdAtMs: FIXED_NOW })
		.run();
	return userId;
}

async function refusal(promise: Promise<unknown>): Promise<TRPCError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(TRPCError);
	return error as TRPCError;
}

const linked = (userId: number) =>
	(
		db.$client
			.prepare('select account_id as id from user_accounts where user_id = ? order by account_id')
			.all(userId) as { id: number }[]
	).map((r) => r.id);

const userId = (login: string) =>
	(db.$client.prepare('select id from users where login = ?').get(login) as { id: number }).id;

beforeAll(async () => {
	({ db, cleanup } = await seededDb(10));
	await perAccountLogin('1726001003', 'per-account-1003');
});
afterAll(() => cleanup());

describe('adding an account by its own login and password', () => {
	it("demo adds account 1726001003 by its per-account login, and the next pull brings all of that account's rows", async () => {
		const live = new LiveHub();
		let pokes = 0;
		const stop = live.listen(userId('demo'), () => pokes++);
		const demo = await callerAs(db, 'demo', 'demo12345', live);
		const before = await pullAll(demo);
		expect(before.rows('accounts').map((a) => a.number)).toEqual(['1726001001', '1726001002']);

		const result = await demo.accounts.link({ login: '1726001003', password: 'per-account-1003' });
		expect(result.addedAccountIds).toEqual([accountId('1726001003')]);
		expect(result.accounts.map((a) => a.number)).toEqual(['1726001003']);
		expect(pokes).toBe(1);
		stop();

		// From the cursor the device already holds: the new account arrives whole.
		const after = await pullAll(demo, before.cursor);
		expect(after.rows('accounts').map((a) => a.number)).toEqual(['1726001003']);
		const ledgerCount = (
			db.$client
				.prepare('select count(*) as n from ledger_entries where account_id = ?')
				.get(accountId('1726001003')) as { n: number }
		).n;
		expect(ledgerCount).toBeGreaterThan(0);
		expect(after.rows('ledger')).toHaveLength(ledgerCount);
		expect(after.rows('readingMonths').length).toBeGreaterThan(0);
		expect(after.dropped).not.toContain(accountId('1726001003'));

		// Adding it again changes nothing and pokes no one.
		const again = await demo.accounts.link({ login: '1726001003', password: 'per-account-1003' });
		expect(again.addedAccountIds).toEqual([]);
		expect(linked(userId('demo'))).toEqual(
			['1726001001', '1726001002', '1726001003'].map(accountId).sort((a, b) => a - b)
		);
	});

	it('the login is matched without regard to case, like signing in', async () => {
		const demo2 = await callerAs(db, 'demo2', 'demo12345');
		const result = await demo2.accounts.link({ login: 'DEMO', password: 'demo12345' });
		expect(result.accounts.map((a) => a.number)).toEqual(
			expect.arrayContaining(['1726001001', '1726001002'])
		);
		// Back as it was, for the tests below.
		for (const number of ['1726001001', '1726001002'])
			await demo2.accounts.unlink({ accountId: accountId(number) });
	});

	it('in demo mode, demo2 / demo12345 is the login of account 1726001003', async () => {
		const t = await seededDb(3);
		try {
			const demo = await callerAs(t.db, 'demo', 'demo12345');
			const result = await demo.accounts.link({ login: 'demo2', password: 'demo12345' });
			expect(result.accounts.map((a) => a.number)).toEqual(['1726001003']);
		} finally {
			t.cleanup();
		}
	});

	it('a wrong password is refused with the same message as at sign-in, and links nothing', async () => {
		const fresh = await createUser(
			db,
			{ login: 'wrong-password-tester', password: 'tester-12345', role: 'resident' },
			FIXED_NOW
		);
		const caller = await callerAs(db, 'wrong-password-tester', 'tester-12345');
		for (const input of [
			{ login: '1726001003', password: 'not-the-password' },
			{ login: 'no-such-login', password: 'whatever-123' }
		]) {
			const error = await refusal(caller.accounts.link(input));
			expect(error.message).toBe('error.invalid_credentials');
			// The caller stays signed in: this is not an UNAUTHORIZED.
			expect(error.code).not.toBe('UNAUTHORIZED');
		}
		expect(linked(fresh)).toEqual([]);
	});

	it(`after ${LINK_FAILURES_MAX} wrong passwords, adding is refused for a while even with the right one`, async () => {
		await createUser(
			db,
			{ login: 'guesser', password: 'guesser-12345', role: 'resident' },
			FIXED_NOW
		);
		// From an address of its own: the guesses also count against 1726001003 from there.
		const caller = await callerAs(db, 'guesser', 'guesser-12345', new LiveHub(), '10.1.1.1');
		for (let i = 0; i < LINK_FAILURES_MAX; i++)
			await refusal(caller.accounts.link({ login: '1726001003', password: `guess-${i}` }));
		const error = await refusal(
			caller.accounts.link({ login: '1726001003', password: 'per-account-1003' })
		);
		expect(error.message).toBe('error.too_many_attempts');
		expect(linked(userId('guesser'))).toEqual([]);
	});

	it("a staff login opens no one's account and is refused with its own message", async () => {
		const demo2 = await callerAs(db, 'demo2', 'demo12345');
		for (const [login, password] of [
			['inspector', 'inspect12345'],
			['operator', 'operate12345']
		]) {
			const error = await refusal(demo2.accounts.link({ login, password }));
			expect(error.message).toBe('error.staff_login');
		}
	});

	it("one's own login, and a login with no account, are explained", async () => {
		const demo2 = await callerAs(db, 'demo2', 'demo12345');
		expect(
			(await refusal(demo2.accounts.link({ login: 'demo2', password: 'demo12345' }))).message
		).toBe('error.own_login');
		await createUser(
			db,
			{ login: 'empty-login', password: 'empty-12345', role: 'resident' },
			FIXED_NOW
		);
		expect(
			(await refusal(demo2.accounts.link({ login: 'empty-login', password: 'empty-12345' })))
				.message
		).toBe('error.login_without_accounts');
	});

	it('staff cannot add accounts to their own sign-in', async () => {
		const inspector = await callerAs(db, 'inspector', 'inspect12345');
		const error = await refusal(
			inspector.accounts.link({ login: '1726001003', password: 'per-account-1003' })
		);
		expect(error.code).toBe('FORBIDDEN');
	});

	it('empty and oversized fields are refused before any password is checked', async () => {
		const demo = await callerAs(db, 'demo', 'demo12345');
		const empty = await refusal(demo.accounts.link({ login: ' ', password: '' }));
		expect(empty.code).toBe('BAD_REQUEST');
		const long = await refusal(demo.accounts.link({ login: 'x'.repeat(65), password: 'p' }));
		expect(long.code).toBe('BAD_REQUEST');
	});
});

describe('removing an account from this sign-in', () => {
	it('demo removes 1726001003: the next pull drops its rows, and demo2 still has it', async () => {
		const live = new LiveHub();
		let pokes = 0;
		const stop = live.listen(userId('demo'), () => pokes++);
		const demo = await callerAs(db, 'demo', 'demo12345', live);
		const held = await pullAll(demo);
		expect(held.rows('accounts').map((a) => a.number)).toContain('1726001003');

		const result = await demo.accounts.unlink({ accountId: accountId('1726001003') });
		expect(result.accountIds).not.toContain(accountId('1726001003'));
		expect(pokes).toBe(1);
		stop();

		const after = await pullAll(demo, held.cursor);
		expect(after.dropped).toContain(accountId('1726001003'));
		expect(linked(userId('demo2'))).toEqual([accountId('1726001003')]);
		const byPerAccountLogin = await callerAs(db, '1726001003', 'per-account-1003');
		expect((await byPerAccountLogin.accounts.list()).map((a) => a.number)).toEqual(['1726001003']);
	});

	it("someone else's account cannot be removed, nor can one that is not linked", async () => {
		const demo = await callerAs(db, 'demo', 'demo12345');
		const error = await refusal(demo.accounts.unlink({ accountId: accountId('1726001003') }));
		expect(error.code).toBe('FORBIDDEN');
		expect(error.message).toBe('error.account_forbidden');
		expect(linked(userId('demo2'))).toEqual([accountId('1726001003')]);
	});

	it('the last account of a sign-in stays', async () => {
		const demo2 = await callerAs(db, 'demo2', 'demo12345');
		const error = await refusal(demo2.accounts.unlink({ accountId: accountId('1726001003') }));
		expect(error.message).toBe('error.last_account');
		expect(linked(userId('demo2'))).toEqual([accountId('1726001003')]);
	});

	it('a per-account login keeps its own account even when it has added others', async () => {
		const own = await callerAs(db, '1726001003', 'per-account-1003');
		await own.accounts.link({ login: 'demo', password: 'demo12345' });
		const error = await refusal(own.accounts.unlink({ accountId: accountId('1726001003') }));
		expect(error.message).toBe('error.own_account');
		await own.accounts.unlink({ accountId: accountId('1726001001') });
		expect(linked(userId('1726001003'))).toEqual(
			[accountId('1726001002'), accountId('1726001003')].sort((a, b) => a - b)
		);
	});
});

describe('what the person reads', () => {
	it('every refusal of adding and removing is a message in every language', () => {
		const keys = [
			'error.invalid_credentials',
			'error.too_many_attempts',
			'error.staff_login',
			'error.own_login',
			'error.login_without_accounts',
			'error.last_account',
			'error.own_account',
			'error.account_forbidden'
		];
		for (const key of keys) {
			expect(key in en, key).toBe(true);
			for (const catalogue of [uz, uzCyrl, ru])
				expect((catalogue as Record<string, string>)[key], key).toBeTruthy();
		}
	});
});
