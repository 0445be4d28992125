import type { Db } from '../db';
import { AttemptLimiter, TooManyAttemptsError } from './attempts';

// One guard in front of every check of a secret (a password at sign-in or when adding an
// account; later an SMS code, a reset link, OneID). It counts an attempt before the check starts
// — synchronously, so a batch or 20 parallel requests each see the ones before them — and takes
// it back only when the secret was right. See "Sign-in limits" in the README for the numbers.

/** Wrong secrets for one login from one address before that pair is refused for a while. */
export const LOGIN_FAILURES_MAX = 5;
/** Wrong secrets from one address, whatever the logins, before the address is slowed down. */
export const ADDRESS_FAILURES_MAX = 30;
/** Wrong secrets one signed-in user may try for other logins (adding an account). */
export const ACTOR_FAILURES_MAX = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** Past the address limit: at most one check per this long from that address... */
export const SLOWED_INTERVAL_MS = 1000;
/** ...and a check that would have to wait longer than this is refused instead of queued. */
export const SLOWED_MAX_WAIT_MS = 10_000;

export interface CredentialAttempt {
	/** The login whose secret is tried (any case). */
	login: string;
	/** Where the request came from (see ADDRESS_HEADER). */
	address: string;
	/** Who is trying, when a signed-in user tries another login's secret. */
	actorUserId?: number;
}

const perLogin = new AttemptLimiter(LOGIN_FAILURES_MAX, FAILURE_WINDOW_MS);
const perAddress = new AttemptLimiter(ADDRESS_FAILURES_MAX, FAILURE_WINDOW_MS);
const perActor = new AttemptLimiter(ACTOR_FAILURES_MAX, FAILURE_WINDOW_MS);
/** Per database and address: when the next slowed check may start. */
const nextSlot = new WeakMap<Db, Map<string, number>>();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long a slowed check from `address` waits, or null when the queue is too long. */
function takeSlot(db: Db, address: string, nowMs: number): number | null {
	let slots = nextSlot.get(db);
	if (!slots) nextSlot.set(db, (slots = new Map()));
	const at = Math.max(nowMs, slots.get(address) ?? 0);
	if (at - nowMs > SLOWED_MAX_WAIT_MS) return null;
	slots.set(address, at + SLOWED_INTERVAL_MS);
	if (slots.size > 10_000) for (const [key, t] of slots) if (t < nowMs) slots.delete(key);
	return at - nowMs;
}

/**
 * Runs `check` (which answers null for a wrong secret) unless the limits refuse; throws
 * TooManyAttemptsError then, before `check` starts. Past the address limit (one mobile carrier
 * puts many residents behind one address) a login with no failures of its own is still checked,
 * but at most one a second from that address; a login that failed from there is refused.
 */
export async function guardCredentialCheck<T>(
	db: Db,
	attempt: CredentialAttempt,
	nowMs: number,
	check: () => Promise<T | null>
): Promise<T | null> {
	const loginKey = `${attempt.login.toLowerCase()} ${attempt.address}`;
	const actorKey = attempt.actorUserId === undefined ? null : String(attempt.actorUserId);
	const loginCount = perLogin.count(db, loginKey, nowMs);
	const slowed = perAddress.blocked(db, attempt.address, nowMs);
	if (
		loginCount >= LOGIN_FAILURES_MAX ||
		(actorKey !== null && perActor.blocked(db, actorKey, nowMs)) ||
		(slowed && loginCount > 0)
	)
		throw new TooManyAttemptsError();

	const wait = slowed ? takeSlot(db, attempt.address, nowMs) : 0;
	if (wait === null) throw new TooManyAttemptsError();
	const takeBack = [
		perLogin.record(db, loginKey, nowMs),
		perAddress.record(db, attempt.address, nowMs),
		...(actorKey === null ? [] : [perActor.record(db, actorKey, nowMs)])
	];
	const release = () => takeBack.forEach((undo) => undo());
	let result: T | null;
	try {
		if (wait > 0) await sleep(wait);
		result = await check();
	} catch (error) {
		release();
		throw error;
	}
	if (result === null) return null;
	release();
	perLogin.forget(db, loginKey);
	return result;
}
