import type { SessionUser } from '$lib/domain/auth';

// Who is signed in on this device, kept in localStorage so that the app opens offline. It is not
// a credential: the session itself is an HttpOnly cookie the page cannot read.
const KEY = 'tok.user';
// Set when the server said the session is gone (30 days idle, "sign out everywhere", a changed
// password): the app keeps showing what the phone holds and asks to sign in only to sync.
const EXPIRED_KEY = 'tok.sessionExpired';

function load(): SessionUser | null {
	try {
		const raw = localStorage.getItem(KEY);
		return raw ? (JSON.parse(raw) as SessionUser) : null;
	} catch {
		return null;
	}
}

function loadExpired(): boolean {
	try {
		return localStorage.getItem(EXPIRED_KEY) === '1';
	} catch {
		return false;
	}
}

export const session = $state<{ user: SessionUser | null; expired: boolean }>({
	user: load(),
	expired: loadExpired()
});

export function rememberUser(user: SessionUser): void {
	session.user = user;
	session.expired = false;
	localStorage.setItem(KEY, JSON.stringify(user));
	localStorage.removeItem(EXPIRED_KEY);
}

/** The server no longer knows this device's session; its data stays readable. Stop sync first. */
export function markSessionExpired(): void {
	session.expired = true;
	localStorage.setItem(EXPIRED_KEY, '1');
}

/**
 * After a sign-in: the same user as before carries on with their data and outbox; someone else
 * never sees the previous user's, which are deleted — unless commands in them are still unsent,
 * and then they wait, unseen, in that user's own database for that user's next sign-in.
 */
export async function signedInAs(user: SessionUser): Promise<void> {
	const previous = session.user;
	if (previous && previous.id !== user.id) {
		const { deleteUserDb, userDb } = await import('./db');
		const { UNACKNOWLEDGED } = await import('./sync/outbox/outboxRow');
		const unsent = await userDb(previous.id)
			.outbox.where('state')
			.anyOf(UNACKNOWLEDGED)
			.count()
			.catch(() => 0);
		if (unsent === 0) await deleteUserDb(previous.id);
	}
	rememberUser(user);
}

/**
 * Forgets the signed-in user and deletes everything of theirs stored on this device — unless
 * `keepData`: when the server ended the session while commands were still unsent, they wait on
 * the device for the same user's next sign-in rather than being lost. Stop their sync first.
 */
export async function forgetUser(options: { keepData?: boolean } = {}): Promise<void> {
	const user = session.user;
	session.user = null;
	session.expired = false;
	localStorage.removeItem(KEY);
	localStorage.removeItem(EXPIRED_KEY);
	// Imported here, not at the top: the sign-in page, which imports this module, needs no Dexie.
	if (user && !options.keepData) await (await import('./db')).deleteUserDb(user.id);
}
