import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXED_NOW, recordingJar, seededDb } from './helpers/testDb';
import {
	createSession,
	endUserSessions,
	SESSION_TOUCH_MS,
	SESSION_TTL_MS,
	sessionIdOf,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import { createUser, signIn } from '../../src/lib/server/services/auth';
import { listAudit } from '../../src/lib/server/services/audit';
import { createCaller } from '../../src/lib/server/trpc/root';
import { LiveHub } from '../../src/lib/server/sync/live';
import { userAccounts } from '../../src/lib/server/db/schema';
import type { Db } from '../../src/lib/server/db';

const DAY = 24 * 60 * 60 * 1000;
const ANDROID =
	'Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36';
const WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0';

let db: Db;
let cleanup: () => void;

beforeAll(async () => {
	({ db, cleanup } = await seededDb(3));
});
afterAll(() => cleanup());

const lastSeen = (token: string) =>
	(
		db.$client
			.prepare('select last_seen_at_ms as t from sessions where id = ?')
			.get(sessionIdOf(token)) as { t: number } | undefined
	)?.t;

async function aUser(login: string, password = 'first-pass-1') {
	const id = await createUser(db, { login, password, role: 'resident' }, FIXED_NOW);
	return { id, login, password };
}

async function callerFor(login: string, password: string, userAgent = ANDROID, now = FIXED_NOW) {
	const { user, token } = await signIn(db, { login, password }, now, '192.0.2.10', userAgent);
	const jar = recordingJar(token);
	return {
		token,
		jar,
		caller: createCaller({
			db,
			user,
			session: jar,
			now: () => now,
			live: new LiveHub(),
			clientAddress: '192.0.2.10',
			userAgent
		})
	};
}

describe('sessions end after 30 days idle', () => {
	it('a session used within 30 days lives on; one left alone for 30 days is gone', async () => {
		const u = await aUser('idle-user');
		const { token } = createSession(db, u.id, FIXED_NOW);
		// Used every 20 days: never idle for 30, so still signed in after 100 days.
		for (let day = 20; day <= 100; day += 20)
			expect(validateSessionToken(db, token, FIXED_NOW + day * DAY)?.user.id).toBe(u.id);
		const lastUse = FIXED_NOW + 100 * DAY;
		expect(validateSessionToken(db, token, lastUse + SESSION_TTL_MS - 1000)?.user.id).toBe(u.id);
		const { token: idle } = createSession(db, u.id, FIXED_NOW);
		expect(validateSessionToken(db, idle, FIXED_NOW + SESSION_TTL_MS)).toBeNull();
		// And it stays gone: the row was deleted.
		expect(lastSeen(idle)).toBeUndefined();
	});

	it('last seen moves at most once per touch interval, so a busy phone is not a write a request', async () => {
		const u = await aUser('busy-user');
		const { token } = createSession(db, u.id, FIXED_NOW);
		const first = validateSessionToken(db, token, FIXED_NOW + SESSION_TOUCH_MS - 1);
		expect(first?.renewed).toBe(false);
		expect(lastSeen(token)).toBe(FIXED_NOW);
		const later = validateSessionToken(db, token, FIXED_NOW + SESSION_TOUCH_MS);
		expect(later?.renewed).toBe(true);
		expect(later?.expiresAtMs).toBe(FIXED_NOW + SESSION_TOUCH_MS + SESSION_TTL_MS);
		expect(lastSeen(token)).toBe(FIXED_NOW + SESSION_TOUCH_MS);
	});
});

describe('sessions in Settings', () => {
	it('lists the user’s own live sessions with their device, this one marked and first', async () => {
		const u = await aUser('list-user');
		await callerFor(u.login, u.password, WINDOWS);
		const { caller } = await callerFor(u.login, u.password, ANDROID);
		const other = await aUser('list-other');
		await callerFor(other.login, other.password);
		const listed = await caller.sessions.list();
		expect(listed).toHaveLength(2);
		expect(listed[0]).toMatchObject({
			current: true,
			device: { browser: 'Chrome', os: 'Android' }
		});
		expect(listed[1]).toMatchObject({
			current: false,
			device: { browser: 'Firefox', os: 'Windows' }
		});
		// Nothing in the listing is a session's key.
		expect(JSON.stringify(listed)).not.toMatch(/[0-9a-f]{64}/);
	});

	it('"sign out everywhere" ends every other session of the user, keeps this one and others’ sessions', async () => {
		const u = await aUser('everywhere-user');
		const a = await callerFor(u.login, u.password, WINDOWS);
		const b = await callerFor(u.login, u.password, ANDROID);
		const stranger = await aUser('everywhere-stranger');
		const s = await callerFor(stranger.login, stranger.password);
		expect(await b.caller.sessions.endOthers()).toEqual({ ended: 1 });
		expect(validateSessionToken(db, a.token, FIXED_NOW)).toBeNull();
		expect(validateSessionToken(db, b.token, FIXED_NOW)?.user.login).toBe(u.login);
		expect(validateSessionToken(db, s.token, FIXED_NOW)?.user.login).toBe(stranger.login);
		expect(listAudit(db, { limit: 1, event: 'sign_out_everywhere' })[0]).toMatchObject({
			userId: u.id,
			detail: { ended: 1 }
		});
		// Twice, or in parallel, changes nothing more.
		const again = await Promise.all([b.caller.sessions.endOthers(), b.caller.sessions.endOthers()]);
		expect(again).toEqual([{ ended: 0 }, { ended: 0 }]);
	});

	it('endUserSessions without an exception ends them all', async () => {
		const u = await aUser('all-user');
		const a = await callerFor(u.login, u.password);
		const b = await callerFor(u.login, u.password);
		expect(endUserSessions(db, u.id)).toBe(2);
		expect(validateSessionToken(db, a.token, FIXED_NOW)).toBeNull();
		expect(validateSessionToken(db, b.token, FIXED_NOW)).toBeNull();
	});
});

describe('changing the password', () => {
	it('needs the current password; the new one works, the old does not, and other sessions end', async () => {
		const u = await aUser('change-user', 'old-pass-123');
		const elsewhere = await callerFor(u.login, u.password, WINDOWS);
		const here = await callerFor(u.login, u.password, ANDROID);
		await expect(
			here.caller.auth.changePassword({
				currentPassword: 'not-it-123',
				newPassword: 'new-pass-456'
			})
		).rejects.toMatchObject({ message: 'error.current_password_wrong', code: 'CONFLICT' });
		// A wrong current password ends nothing.
		expect(validateSessionToken(db, elsewhere.token, FIXED_NOW)).not.toBeNull();
		expect(
			await here.caller.auth.changePassword({
				currentPassword: 'old-pass-123',
				newPassword: 'new-pass-456'
			})
		).toEqual({ endedSessions: 1 });
		expect(validateSessionToken(db, elsewhere.token, FIXED_NOW)).toBeNull();
		expect(validateSessionToken(db, here.token, FIXED_NOW)).not.toBeNull();
		await expect(
			signIn(db, { login: u.login, password: 'old-pass-123' }, FIXED_NOW, '192.0.2.11')
		).rejects.toMatchObject({ reason: 'error.invalid_credentials' });
		expect(
			(await signIn(db, { login: u.login, password: 'new-pass-456' }, FIXED_NOW, '192.0.2.11')).user
				.id
		).toBe(u.id);
		const audit = listAudit(db, { limit: 1, event: 'password_changed' })[0];
		expect(audit).toMatchObject({ userId: u.id, subject: u.login, detail: { endedSessions: 1 } });
		expect(JSON.stringify(audit)).not.toContain('new-pass-456');
	});

	it('refuses a short or unchanged new password at the edge, and guessing the current one is limited', async () => {
		const u = await aUser('guess-user', 'right-pass-1');
		const { caller } = await callerFor(u.login, u.password);
		await expect(
			caller.auth.changePassword({ currentPassword: 'right-pass-1', newPassword: 'short' })
		).rejects.toMatchObject({ code: 'BAD_REQUEST' });
		await expect(
			caller.auth.changePassword({ currentPassword: 'right-pass-1', newPassword: 'right-pass-1' })
		).rejects.toMatchObject({ code: 'BAD_REQUEST' });
		const guesses = await Promise.allSettled(
			Array.from({ length: 8 }, (_, i) =>
				caller.auth.changePassword({ currentPassword: `guess-${i}-xx`, newPassword: 'brand-new-1' })
			)
		);
		const messages = guesses.map((g) =>
			g.status === 'rejected' ? (g.reason as Error).message : 'changed'
		);
		expect(messages.filter((m) => m === 'error.too_many_attempts').length).toBeGreaterThanOrEqual(
			3
		);
		expect(messages).not.toContain('changed');
	});
});

describe('taking an account off a sign-in', () => {
	it('is written to the audit log', async () => {
		const u = await aUser('unlink-user');
		const ids = db.$client
			.prepare("select id from accounts where number like '172600100%' order by number limit 2")
			.all() as Array<{ id: number }>;
		for (const { id } of ids)
			db.insert(userAccounts).values({ userId: u.id, accountId: id, createdAtMs: FIXED_NOW }).run();
		const { caller } = await callerFor(u.login, u.password);
		await caller.accounts.unlink({ accountId: ids[1].id });
		expect(listAudit(db, { limit: 1, event: 'account_unlinked' })[0]).toMatchObject({
			userId: u.id,
			subject: '1726001002',
			address: '192.0.2.10'
		});
	});
});
