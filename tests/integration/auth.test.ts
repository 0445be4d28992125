import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { anonymousCaller, recordingJar, seededDb, FIXED_NOW } from './helpers/testDb';
import { DEMO_USERS } from '../../src/lib/server/seed/users';
import { validateSessionToken } from '../../src/lib/server/auth/session';
import type { Db } from '../../src/lib/server/db';
import { createCaller } from '../../src/lib/server/trpc/root';
import { LiveHub } from '../../src/lib/server/sync/live';
import {
	SIGN_IN_ADDRESS_FAILURES_MAX,
	SIGN_IN_FAILURES_MAX
} from '../../src/lib/server/services/auth';

let db: Db;
let cleanup: () => void;
beforeAll(async () => {
	({ db, cleanup } = await seededDb(5));
});
afterAll(() => cleanup());

async function refusal(promise: Promise<unknown>) {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(TRPCError);
	return error as TRPCError & { cause?: unknown };
}

describe('signing in', () => {
	it('a resident signs in with the right password and gets a server-side session', async () => {
		const jar = recordingJar();
		const { user } = await anonymousCaller(db, jar).auth.signIn({
			login: 'demo',
			password: 'demo12345'
		});
		expect(user).toMatchObject({ login: 'demo', role: 'resident' });
		expect(jar.calls).toEqual(['set']);
		expect(validateSessionToken(db, jar.token!, FIXED_NOW)?.user.login).toBe('demo');
	});

	it('passwords are stored as argon2id hashes, never as text', () => {
		const rows = db.$client.prepare('select password_hash from users').all() as {
			password_hash: string;
		}[];
		expect(rows.length).toBe(DEMO_USERS.length);
		for (const r of rows) {
			expect(r.password_hash).toMatch(/^\$argon2id\$/);
			expect(r.password_hash).not.toContain('12345');
		}
	});

	it('a wrong password and an unknown login get the same message, with no hint which was wrong', async () => {
		const wrongPassword = await refusal(
			anonymousCaller(db).auth.signIn({ login: 'demo', password: 'nope-nope' })
		);
		const unknownLogin = await refusal(
			anonymousCaller(db).auth.signIn({ login: 'nobody', password: 'demo12345' })
		);
		expect(wrongPassword.code).toBe('UNAUTHORIZED');
		expect(unknownLogin.code).toBe('UNAUTHORIZED');
		expect(wrongPassword.message).toBe('error.invalid_credentials');
		expect(unknownLogin.message).toBe(wrongPassword.message);
	});

	it('empty fields are refused with a message for each field', async () => {
		const error = await refusal(anonymousCaller(db).auth.signIn({ login: '  ', password: '' }));
		expect(error.code).toBe('BAD_REQUEST');
		const issues = (error.cause as unknown as { issues: { path: string[]; message: string }[] })
			.issues;
		expect(issues.map((i) => [i.path[0], i.message])).toEqual([
			['login', 'error.login_required'],
			['password', 'error.password_required']
		]);
	});

	it('a 10 kB password is refused as too long before any hashing', async () => {
		const error = await refusal(
			anonymousCaller(db).auth.signIn({ login: 'demo', password: 'x'.repeat(10_240) })
		);
		expect(error.code).toBe('BAD_REQUEST');
		const issues = (error.cause as unknown as { issues: { message: string }[] }).issues;
		expect(issues[0].message).toBe('error.password_too_long');
	});

	it('malformed input (not an object, wrong types) is a bad request, not a crash', async () => {
		const caller = anonymousCaller(db);
		for (const input of [null, 42, 'demo', { login: 5, password: [] }]) {
			const error = await refusal(caller.auth.signIn(input as never));
			expect(error.code).toBe('BAD_REQUEST');
		}
	});

	it('signing out ends the session on the server', async () => {
		const jar = recordingJar();
		await anonymousCaller(db, jar).auth.signIn({ login: 'demo2', password: 'demo12345' });
		const token = jar.token!;
		await anonymousCaller(db, jar).auth.signOut();
		expect(jar.calls).toEqual(['set', 'clear']);
		expect(validateSessionToken(db, token, FIXED_NOW)).toBeNull();
	});

	it('an expired session is not accepted', async () => {
		const jar = recordingJar();
		await anonymousCaller(db, jar).auth.signIn({ login: 'demo', password: 'demo12345' });
		expect(validateSessionToken(db, jar.token!, FIXED_NOW + 31 * 86_400_000)).toBeNull();
	});
});

describe('guessing passwords', () => {
	let guessDb: Db;
	let done: () => void;
	beforeAll(async () => {
		({ db: guessDb, cleanup: done } = await seededDb(5));
	});
	afterAll(() => done());

	const MINUTE = 60_000;
	const from = (clientAddress: string, nowMs = FIXED_NOW) =>
		createCaller({
			db: guessDb,
			user: null,
			session: recordingJar(),
			now: () => nowMs,
			live: new LiveHub(),
			clientAddress
		});
	const attempt = (clientAddress: string, password: string, nowMs = FIXED_NOW, login = 'demo2') =>
		from(clientAddress, nowMs).auth.signIn({ login, password });

	it('five wrong passwords for a login stop a sixth try from that address, even a right one, for 15 minutes', async () => {
		for (let i = 0; i < SIGN_IN_FAILURES_MAX; i++) {
			const error = await refusal(attempt('10.0.0.1', `wrong${i}`));
			expect(error.code).toBe('UNAUTHORIZED');
		}
		const locked = await refusal(attempt('10.0.0.1', 'demo12345'));
		expect(locked.code).toBe('TOO_MANY_REQUESTS');
		expect(locked.message).toBe('error.too_many_attempts');
		// The same login written otherwise is the same login.
		expect((await refusal(attempt('10.0.0.1', 'demo12345', FIXED_NOW, 'DEMO2'))).code).toBe(
			'TOO_MANY_REQUESTS'
		);

		// The owner, on their own phone, is not locked out by someone else's guesses.
		await expect(attempt('10.0.0.2', 'demo12345')).resolves.toMatchObject({
			user: { login: 'demo2' }
		});
		// After the window, the guesser's address may try again.
		await expect(attempt('10.0.0.1', 'demo12345', FIXED_NOW + 15 * MINUTE)).resolves.toMatchObject({
			user: { login: 'demo2' }
		});
	});

	it('signing in forgets the earlier wrong passwords of that login', async () => {
		const now = FIXED_NOW + 60 * MINUTE;
		for (let round = 0; round < 2; round++) {
			for (let i = 0; i < SIGN_IN_FAILURES_MAX - 1; i++)
				await refusal(attempt('10.0.0.3', 'wrong', now));
			await expect(attempt('10.0.0.3', 'demo12345', now)).resolves.toBeTruthy();
		}
	});

	it('one address trying many logins is slowed, without locking out the logins that did not fail', async () => {
		const now = FIXED_NOW + 120 * MINUTE;
		for (let i = 0; i < SIGN_IN_ADDRESS_FAILURES_MAX; i++)
			await refusal(attempt('10.0.0.4', 'wrong', now, `login${i}`));
		// A login that failed from there is refused at once, even with a right password...
		const locked = await refusal(attempt('10.0.0.4', 'wrong', now, 'login3'));
		expect(locked.code).toBe('TOO_MANY_REQUESTS');
		// ...others are checked one a second: three at once take two seconds.
		const started = performance.now();
		const three = await Promise.allSettled(
			['fresh1', 'fresh2', 'demo'].map((login) =>
				attempt('10.0.0.4', login === 'demo' ? 'demo12345' : 'wrong', now, login)
			)
		);
		expect(performance.now() - started).toBeGreaterThanOrEqual(1900);
		expect(three.map((r) => r.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
		await expect(attempt('10.0.0.5', 'demo12345', now, 'demo')).resolves.toBeTruthy();
	});
});
