import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db';
import { anonymousCaller, FIXED_NOW, seededDb } from './helpers/testDb';
import { trpcHttp } from './helpers/http';
import { credentialsIn, deliverQueued, outbox } from './helpers/sms';
import { InvalidCredentialsError, signIn } from '../../src/lib/server/services/auth';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { listAudit, type AuditEvent } from '../../src/lib/server/services/audit';
import { TooManyAttemptsError } from '../../src/lib/server/auth/attempts';
import { PENDING_PASSWORD_TTL_MS } from '../../src/lib/server/services/credentialsBySms';
import {
	RESET_PER_IDENTIFIER_MAX,
	RESET_WINDOW_MS
} from '../../src/lib/server/services/passwordReset';

// "Forgot password?" through the real router: a new password by SMS to the registered phone
// only, the same answer whether or not the login exists, and limits that say when to come back.

let db: Db;
let dir: string;
let cleanup: () => void;
beforeAll(async () => {
	({ db, dir, cleanup } = await seededDb(5));
});
afterAll(() => cleanup());

let address = 0;
/** Each test its own address, so the per-address limit is not what a test meets. */
const nextAddress = () => `198.51.100.${++address}`;

async function reset(identifier: string, at = nextAddress(), now = FIXED_NOW) {
	return trpcHttp(db, [{ path: 'auth.requestPasswordReset', input: { identifier } }], {
		address: at,
		now: () => now
	});
}

const smsTo = (phone: string) => outbox(dir).filter((m) => m.to === phone);

describe('forgot password', () => {
	it('by login: the new password goes to the registered phone; once used, the old one and old sessions end', async () => {
		const old = createSession(db, 2, FIXED_NOW);
		expect(validateSessionToken(db, old.token, FIXED_NOW)?.user.login).toBe('demo2');
		const answer = await reset('DEMO2');
		expect(answer.status).toBe(200);
		expect(answer.results[0].result?.data).toEqual({ ok: true });
		await deliverQueued(db, dir, FIXED_NOW);
		const [sms] = smsTo('+998907654321');
		expect(sms.text).toContain('1726001003');
		expect(sms.text).not.toContain('1726001001');
		const { login, password } = credentialsIn(sms.text);
		expect(login).toBe('demo2');
		// Until the new password is used, the old one still works and nobody is signed out: a
		// stranger who asks a reset for someone's login locks nobody out.
		await signIn(db, { login: 'demo2', password: 'demo12345' }, FIXED_NOW, '192.0.2.50');
		expect(validateSessionToken(db, old.token, FIXED_NOW)).not.toBeNull();
		const fresh = await signIn(db, { login, password }, FIXED_NOW, '192.0.2.50');
		expect(fresh.user.login).toBe('demo2');
		expect(validateSessionToken(db, fresh.token, FIXED_NOW)).not.toBeNull();
		await expect(
			signIn(db, { login: 'demo2', password: 'demo12345' }, FIXED_NOW, '192.0.2.50')
		).rejects.toBeInstanceOf(InvalidCredentialsError);
		expect(validateSessionToken(db, old.token, FIXED_NOW)).toBeNull();
		// And the new one goes on working, now as the password.
		expect((await signIn(db, { login, password }, FIXED_NOW, '192.0.2.50')).user.login).toBe(
			'demo2'
		);
		expect(listAudit(db, { limit: 1, event: 'password_changed' })[0]).toMatchObject({
			userId: 2,
			detail: { via: 'reset' }
		});
		expect(listAudit(db, { limit: 5, event: 'password_reset' })[0]).toMatchObject({
			subject: 'demo2',
			userId: 2,
			address: `198.51.100.${address}`
		});
	});

	it('an unused reset password stops working after a day', async () => {
		const t0 = FIXED_NOW + 40 * RESET_WINDOW_MS;
		await reset('demo2', nextAddress(), t0);
		await deliverQueued(db, dir, t0);
		const sent = credentialsIn(smsTo('+998907654321').at(-1)!.text);
		await expect(
			signIn(db, sent, t0 + PENDING_PASSWORD_TTL_MS + 1, '192.0.2.60')
		).rejects.toBeInstanceOf(InvalidCredentialsError);
	});

	it('by phone, typed any way: the same as "P" from that phone', async () => {
		expect((await reset('90 123-45-67')).status).toBe(200);
		await deliverQueued(db, dir, FIXED_NOW);
		const { login, password } = credentialsIn(smsTo('+998901234567').at(-1)!.text);
		expect(login).toBe('demo');
		expect((await signIn(db, { login, password }, FIXED_NOW, '192.0.2.51')).user.login).toBe(
			'demo'
		);
	});

	it('an unknown login or phone gets the very same answer, after about the same time, and no SMS goes anywhere', async () => {
		const before = outbox(dir).length;
		const timed = async (identifier: string) => {
			let best = Infinity;
			let body: unknown;
			for (let i = 0; i < 3; i++) {
				const started = performance.now();
				const answer = await reset(identifier);
				best = Math.min(best, performance.now() - started);
				body = { status: answer.status, result: answer.results[0].result };
			}
			return { best, body };
		};
		const nobody = await timed('no-such-login');
		const unknownPhone = await timed('+998 99 000 00 00');
		const real = await timed('+998907654321');
		expect(nobody.body).toEqual({ status: 200, result: { data: { ok: true } } });
		expect(unknownPhone.body).toEqual(nobody.body);
		expect(real.body).toEqual(nobody.body);
		// Both hash a password (argon2): neither is a quick lookup beside the other.
		expect(nobody.best / real.best).toBeGreaterThan(0.3);
		expect(nobody.best / real.best).toBeLessThan(3.5);
		await deliverQueued(db, dir, FIXED_NOW);
		// Only the real phone got SMS (its cap of 3 an hour counts the earlier reset, too).
		expect(
			outbox(dir)
				.slice(before)
				.every((m) => m.to === '+998907654321')
		).toBe(true);
	});

	it('staff are never reset by SMS, and an input that is not a login is refused with a reason', async () => {
		const before = outbox(dir).length;
		expect((await reset('operator')).results[0].result?.data).toEqual({ ok: true });
		await deliverQueued(db, dir, FIXED_NOW);
		expect(outbox(dir).length).toBe(before);
		const empty = await reset('   ');
		expect(empty.status).toBe(400);
		expect(empty.results[0].error?.message).toBe('error.invalid_input');
		await expect(
			anonymousCaller(db).auth.requestPasswordReset({ identifier: '' })
		).rejects.toMatchObject({
			code: 'BAD_REQUEST'
		});
	});
});

describe('limits', () => {
	it(`${RESET_PER_IDENTIFIER_MAX} asks an hour for one login, found or not; the next is told when to try again`, async () => {
		const from = nextAddress();
		const t0 = FIXED_NOW + 5 * RESET_WINDOW_MS;
		for (let i = 0; i < RESET_PER_IDENTIFIER_MAX; i++)
			expect((await reset('somebody', from, t0 + i * 60_000)).status).toBe(200);
		const limited = await reset('SOMEBODY', nextAddress(), t0 + 10 * 60_000);
		expect(limited.status).toBe(429);
		expect(limited.results[0].error).toMatchObject({
			message: 'error.reset_limited',
			data: { code: 'TOO_MANY_REQUESTS', retryAtMs: t0 + RESET_WINDOW_MS }
		});
		expect((await reset('somebody', from, t0 + RESET_WINDOW_MS)).status).toBe(200);
		expect(listAudit(db, { limit: 1, event: 'rate_limited' })[0]).toMatchObject({
			subject: 'somebody',
			detail: { via: 'reset', retryAtMs: t0 + RESET_WINDOW_MS }
		});
	});

	it('no more than 3 SMS to one phone an hour, by login and by phone together; the answer stays the same', async () => {
		const t0 = FIXED_NOW + 20 * RESET_WINDOW_MS;
		const phone = '+998901234567';
		const before = smsTo(phone).length;
		for (const identifier of ['demo', '+998901234567', 'demo', '998901234567', 'Demo'])
			expect((await reset(identifier, nextAddress(), t0)).status).toBe(200);
		await deliverQueued(db, dir, t0);
		expect(smsTo(phone).length - before).toBe(3);
		const last = credentialsIn(smsTo(phone).at(-1)!.text);
		// The limited asks changed nothing: the last password sent is the one that works.
		expect((await signIn(db, last, t0, '192.0.2.52')).user.login).toBe('demo');
	});
});

describe('audit of sign-ins', () => {
	it('sign-in, failure and lockout are audited with login and address', async () => {
		const from = '192.0.2.77';
		await createSignInTrail(from);
		const mine = listAudit(db, { limit: 50 }).filter((r) => r.address === from);
		const events = mine.map((r) => r.event).reverse();
		expect(events).toEqual<AuditEvent[]>([
			'sign_in',
			'sign_in_failed',
			'sign_in_failed',
			'sign_in_failed',
			'sign_in_failed',
			'sign_in_failed',
			'lockout'
		]);
		expect(mine.every((r) => r.subject === 'inspector')).toBe(true);
		expect(mine.at(-1)!.userId).toBe(3);
	});
});

async function createSignInTrail(from: string) {
	await signIn(db, { login: 'inspector', password: 'inspect12345' }, FIXED_NOW, from);
	for (let i = 0; i < 5; i++)
		await signIn(db, { login: 'inspector', password: `wrong-${i}` }, FIXED_NOW, from).catch(
			(e: unknown) => {
				if (!(e instanceof InvalidCredentialsError)) throw e;
			}
		);
	await expect(
		signIn(db, { login: 'inspector', password: 'inspect12345' }, FIXED_NOW, from)
	).rejects.toBeInstanceOf(TooManyAttemptsError);
}
