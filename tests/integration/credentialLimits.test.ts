import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXED_NOW, seededDb } from './helpers/testDb';
import { trpcHttp } from './helpers/http';
import { createUser } from '../../src/lib/server/services/auth';
import { validateSessionToken } from '../../src/lib/server/auth/session';
import { signIn } from '../../src/lib/server/services/auth';
import { SYNC_PROTOCOL } from '../../src/lib/domain/sync/protocol';
import type { Db } from '../../src/lib/server/db';

// The probe of issue 11: limits that asked "blocked?" before the password check and counted the
// failure after it let batches and parallel requests check as many passwords as they liked.

let db: Db;
let cleanup: () => void;
beforeAll(async () => {
	({ db, cleanup } = await seededDb(5));
});
afterAll(() => cleanup());

const sessionCount = (login: string) =>
	(
		db.$client
			.prepare(
				'select count(*) as n from sessions join users on users.id = sessions.user_id where users.login = ?'
			)
			.get(login) as { n: number }
	).n;

const linkedCount = (login: string) =>
	(
		db.$client
			.prepare(
				'select count(*) as n from user_accounts join users on users.id = user_accounts.user_id where users.login = ?'
			)
			.get(login) as { n: number }
	).n;

async function sessionUser(login: string, password: string) {
	const { token } = await signIn(db, { login, password }, FIXED_NOW, 'seed');
	return validateSessionToken(db, token, FIXED_NOW)!.user;
}

describe('sign-in limits count before they check', () => {
	it('a batch of 1,001 sign-ins (1,000 wrong, then the right one) signs nobody in', async () => {
		const before = sessionCount('operator');
		const calls = [
			...Array.from({ length: 1000 }, (_, i) => ({
				path: 'auth.signIn',
				input: { login: 'operator', password: `wrong-${i}` }
			})),
			{ path: 'auth.signIn', input: { login: 'operator', password: 'operate12345' } }
		];
		const started = performance.now();
		const answer = await trpcHttp(db, calls, { address: '198.51.100.1' });
		expect(performance.now() - started).toBeLessThan(2000);
		expect(answer.status).toBe(400);
		expect(answer.results.every((r) => r.error !== undefined)).toBe(true);
		expect(answer.sessionsSet).toBe(0);
		expect(sessionCount('operator')).toBe(before);
	});

	it('a small batch holding a sign-in is refused as a whole: each guess is its own request', async () => {
		const answer = await trpcHttp(
			db,
			[
				{ path: 'auth.signIn', input: { login: 'operator', password: 'wrong-1' } },
				{ path: 'auth.signIn', input: { login: 'operator', password: 'operate12345' } }
			],
			{ address: '198.51.100.2' }
		);
		expect(answer.status).toBe(400);
		expect(answer.sessionsSet).toBe(0);
	});

	it('20 parallel wrong guesses check at most 5 passwords; the right one after them is refused', async () => {
		const address = '198.51.100.3';
		const answers = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				trpcHttp(db, [{ path: 'auth.signIn', input: { login: 'inspector', password: `x-${i}` } }], {
					address
				})
			)
		);
		const codes = answers.map((a) => a.results[0].error?.data.code);
		expect(codes.filter((c) => c === 'UNAUTHORIZED').length).toBeLessThanOrEqual(5);
		expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS').length).toBeGreaterThanOrEqual(15);
		const right = await trpcHttp(
			db,
			[{ path: 'auth.signIn', input: { login: 'inspector', password: 'inspect12345' } }],
			{ address }
		);
		expect(right.results[0].error?.data.code).toBe('TOO_MANY_REQUESTS');
		expect(right.sessionsSet).toBe(0);
	});

	it('20 parallel wrong passwords for another login, then the right one, link nothing', async () => {
		await createUser(
			db,
			{ login: 'prober', password: 'prober-12345', role: 'resident' },
			FIXED_NOW
		);
		const prober = await sessionUser('prober', 'prober-12345');
		const before = linkedCount('prober');
		const wrong = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				trpcHttp(db, [{ path: 'accounts.link', input: { login: 'demo2', password: `g-${i}` } }], {
					user: prober,
					address: '198.51.100.4'
				})
			)
		);
		const codes = wrong.map((a) => a.results[0].error?.message);
		expect(codes.filter((m) => m === 'error.invalid_credentials').length).toBeLessThanOrEqual(5);
		const right = await trpcHttp(
			db,
			[{ path: 'accounts.link', input: { login: 'demo2', password: 'demo12345' } }],
			{ user: prober, address: '198.51.100.4' }
		);
		expect(right.results[0].error?.message).toBe('error.too_many_attempts');
		expect(linkedCount('prober')).toBe(before);
	});

	it('accounts.link in a batch (20 wrong, then the right one) is refused and links nothing', async () => {
		await createUser(
			db,
			{ login: 'batcher', password: 'batcher-12345', role: 'resident' },
			FIXED_NOW
		);
		const batcher = await sessionUser('batcher', 'batcher-12345');
		const calls = [
			...Array.from({ length: 9 }, (_, i) => ({
				path: 'accounts.link',
				input: { login: 'demo2', password: `g-${i}` }
			})),
			{ path: 'accounts.link', input: { login: 'demo2', password: 'demo12345' } }
		];
		const answer = await trpcHttp(db, calls, { user: batcher, address: '198.51.100.5' });
		expect(answer.status).toBe(400);
		expect(linkedCount('batcher')).toBe(0);
	});
});

describe('batches are capped', () => {
	it('150 sync.pull calls in one batch are refused at once, before any is run', async () => {
		const demo = await sessionUser('demo', 'demo12345');
		const input = { protocol: SYNC_PROTOCOL, cursor: null, limit: 500 };
		const started = performance.now();
		const answer = await trpcHttp(
			db,
			Array.from({ length: 150 }, () => ({ path: 'sync.pull', input })),
			{ user: demo, method: 'GET' }
		);
		expect(performance.now() - started).toBeLessThan(500);
		expect(answer.status).toBe(400);
		expect(answer.results.every((r) => r.result === undefined)).toBe(true);
	});

	it('the app’s own small batches still work', async () => {
		const demo = await sessionUser('demo', 'demo12345');
		const answer = await trpcHttp(
			db,
			[{ path: 'auth.me' }, { path: 'accounts.list' }, { path: 'tariffs.list' }],
			{ user: demo, method: 'GET' }
		);
		expect(answer.status).toBe(200);
		expect(answer.results.map((r) => r.error)).toEqual([undefined, undefined, undefined]);
	});
});

describe('many residents behind one address (carrier-grade NAT)', () => {
	it('30 wrong guesses with random logins do not refuse the right password of another login', async () => {
		const address = '100.64.0.1';
		for (let i = 0; i < 30; i++)
			await trpcHttp(
				db,
				[{ path: 'auth.signIn', input: { login: `random-${i}`, password: 'guess-guess' } }],
				{ address }
			);
		const right = await trpcHttp(
			db,
			[{ path: 'auth.signIn', input: { login: 'demo2', password: 'demo12345' } }],
			{ address }
		);
		expect(right.results[0].error).toBeUndefined();
		expect(right.sessionsSet).toBe(1);
	});

	it('past the address limit, a login that failed from there is refused at once', async () => {
		const address = '100.64.0.2';
		for (let i = 0; i < 30; i++)
			await trpcHttp(
				db,
				[{ path: 'auth.signIn', input: { login: `other-${i}`, password: 'guess-guess' } }],
				{ address }
			);
		const again = await trpcHttp(
			db,
			[{ path: 'auth.signIn', input: { login: 'other-3', password: 'guess-again' } }],
			{ address }
		);
		expect(again.results[0].error?.data.code).toBe('TOO_MANY_REQUESTS');
	});
});
