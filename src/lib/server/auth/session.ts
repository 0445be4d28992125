import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, ne } from 'drizzle-orm';
import type { Db } from '../db';
import { sessions, users } from '../db/schema';
import type { SessionUser } from '../../domain/auth';

export type { SessionUser };

export const SESSION_COOKIE = 'tok_session';
const DAY_MS = 24 * 60 * 60 * 1000;
/** A session ends after this long without a request (idle), however long it has lasted. */
export const SESSION_TTL_MS = 30 * DAY_MS;
/**
 * How often a session's last-seen time (and so its expiry) moves forward: at most one write per
 * session per 5 minutes, instead of one per request. The idle limit is exact to within this.
 */
export const SESSION_TOUCH_MS = 5 * 60 * 1000;
/** Longest User-Agent kept: enough to name the device, not a place to store junk. */
const USER_AGENT_MAX = 512;

/** The sessions row id of a cookie token (its SHA-256): what endUserSessions takes to keep one. */
export function sessionId(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}
export const sessionIdOf = sessionId;

export function createSession(db: Db, userId: number, nowMs: number, userAgent = '') {
	const token = randomBytes(32).toString('base64url');
	const expiresAtMs = nowMs + SESSION_TTL_MS;
	db.insert(sessions)
		.values({
			id: sessionId(token),
			userId,
			createdAtMs: nowMs,
			lastSeenAtMs: nowMs,
			expiresAtMs,
			userAgent: userAgent.slice(0, USER_AGENT_MAX)
		})
		.run();
	return { token, expiresAtMs };
}

/**
 * The user behind a cookie token, or null. A session seen again more than SESSION_TOUCH_MS after
 * it was last seen moves its last-seen time and expiry forward (`renewed`: the cookie should too).
 */
export function validateSessionToken(db: Db, token: string, nowMs: number) {
	const id = sessionId(token);
	const row = db
		.select({
			expiresAtMs: sessions.expiresAtMs,
			lastSeenAtMs: sessions.lastSeenAtMs,
			createdAtMs: sessions.createdAtMs,
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
	const lastSeenAtMs = row.lastSeenAtMs || row.createdAtMs;
	if (nowMs - lastSeenAtMs >= SESSION_TOUCH_MS) {
		expiresAtMs = nowMs + SESSION_TTL_MS;
		db.update(sessions).set({ expiresAtMs, lastSeenAtMs: nowMs }).where(eq(sessions.id, id)).run();
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
 * Ends every session of `userId` but `exceptSessionId` (the one asking, when it stays signed in):
 * "sign out everywhere", a changed or reset password. Answers how many ended.
 */
export function endUserSessions(
	db: Db,
	userId: number,
	{ exceptSessionId }: { exceptSessionId?: string } = {}
): number {
	const where =
		exceptSessionId === undefined
			? eq(sessions.userId, userId)
			: and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId));
	return db.delete(sessions).where(where).run().changes;
}

export interface SessionListing {
	/** A stable handle that is not the session's key (which would be half of a cookie's secret). */
	key: string;
	userAgent: string;
	createdAtMs: number;
	lastSeenAtMs: number;
	current: boolean;
}

/** The user's sessions that have not expired, the most recently seen first. */
export function listUserSessions(
	db: Db,
	userId: number,
	currentSessionId: string | null,
	nowMs: number
): SessionListing[] {
	return db
		.select()
		.from(sessions)
		.where(eq(sessions.userId, userId))
		.orderBy(desc(sessions.lastSeenAtMs))
		.all()
		.filter((s) => s.expiresAtMs > nowMs)
		.map((s) => ({
			key: createHash('sha256').update(`listing:${s.id}`).digest('hex').slice(0, 16),
			userAgent: s.userAgent,
			createdAtMs: s.createdAtMs,
			lastSeenAtMs: s.lastSeenAtMs || s.createdAtMs,
			current: s.id === currentSessionId
		}))
		.sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAtMs - a.lastSeenAtMs);
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
