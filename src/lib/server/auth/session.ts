import { createHash, randomBytes } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../db';
import { sessions, users } from '../db/schema';
import type { SessionUser } from '../../domain/auth';

export type { SessionUser };

export const SESSION_COOKIE = 'tok_session';
const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_TTL_MS = 30 * DAY_MS;

/** The sessions row id of a cookie token (its SHA-256): what endUserSessions takes to keep one. */
export function sessionId(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export function createSession(db: Db, userId: number, nowMs: number) {
	const token = randomBytes(32).toString('base64url');
	const expiresAtMs = nowMs + SESSION_TTL_MS;
	db.insert(sessions)
		.values({ id: sessionId(token), userId, createdAtMs: nowMs, expiresAtMs })
		.run();
	return { token, expiresAtMs };
}

/** The user behind a cookie token, or null; extends a session that is past half its life. */
export function validateSessionToken(db: Db, token: string, nowMs: number) {
	const id = sessionId(token);
	const row = db
		.select({
			expiresAtMs: sessions.expiresAtMs,
			id: users.id,
			login: users.login,
			role: users.role,
			displayName: users.displayName
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(eq(sessions.id, id))
		.get();
	if (!row) return null;
	if (row.expiresAtMs <= nowMs) {
		db.delete(sessions).where(eq(sessions.id, id)).run();
		return null;
	}
	let expiresAtMs = row.expiresAtMs;
	if (expiresAtMs - nowMs < SESSION_TTL_MS / 2) {
		expiresAtMs = nowMs + SESSION_TTL_MS;
		db.update(sessions).set({ expiresAtMs }).where(eq(sessions.id, id)).run();
	}
	const user: SessionUser = {
		id: row.id,
		login: row.login,
		role: row.role,
		displayName: row.displayName
	};
	return { user, expiresAtMs, renewed: expiresAtMs !== row.expiresAtMs };
}

export function invalidateSession(db: Db, token: string): void {
	db.delete(sessions)
		.where(eq(sessions.id, sessionId(token)))
		.run();
}

/**
 * Ends every session of a user but `exceptSessionId` (the id of the caller's own, when it stays):
 * after a new password by SMS, or "sign out everywhere". Answers how many ended.
 */
export function endUserSessions(
	db: Db,
	userId: number,
	options: { exceptSessionId?: string } = {}
): number {
	const mine = eq(sessions.userId, userId);
	const where =
		options.exceptSessionId === undefined
			? mine
			: and(mine, ne(sessions.id, options.exceptSessionId));
	return db.delete(sessions).where(where).run().changes;
}

/** Cookie attributes: HttpOnly and SameSite=Lax always, Secure everywhere but on localhost. */
/**
 * A Max-Age rather than an Expires date: the browser counts it on its own clock, so a phone whose
 * clock is wrong (or a test with a pinned server clock) keeps the cookie as long as the server does.
 */
export function sessionCookieOptions(url: URL, expiresAtMs: number, nowMs: number) {
	const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax' as const,
		secure: !local,
		maxAge: Math.max(0, Math.floor((expiresAtMs - nowMs) / 1000))
	};
}
