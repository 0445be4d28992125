import type { Db } from '../db';
import type { SessionUser } from '../auth/session';
import type { LiveHub } from '../sync/live';

/** Where the session cookie goes; the HTTP route writes a real cookie, tests record calls. */
export interface SessionJar {
	token: string | null;
	set(token: string, expiresAtMs: number): void;
	clear(): void;
}

export interface Context {
	db: Db;
	user: SessionUser | null;
	session: SessionJar;
	now: () => number;
	/** Pokes open clients when their data changes. */
	live: LiveHub;
	/** The caller's network address, for limiting sign-in attempts; absent in in-process calls. */
	clientAddress?: string;
	/** Tok's origin as the caller reached it (return links of checkouts); absent in-process. */
	origin?: string;
	/** The browser's User-Agent, to name the device of a session it opens. */
	userAgent?: string;
}
