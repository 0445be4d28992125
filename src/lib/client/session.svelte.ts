import type { SessionUser } from '$lib/domain/auth';

// Who is signed in on this device, kept in localStorage so that the app opens offline. It is not
// a credential: the session itself is an HttpOnly cookie the page cannot read.
const KEY = 'tok.user';

function load(): SessionUser | null {
	try {
		const raw = localStorage.getItem(KEY);
		return raw ? (JSON.parse(raw) as SessionUser) : null;
	} catch {
		return null;
	}
}

export const session = $state<{ user: SessionUser | null }>({ user: load() });

export function rememberUser(user: SessionUser): void {
	session.user = user;
	localStorage.setItem(KEY, JSON.stringify(user));
}

/**
 * Forgets the signed-in user and deletes everything of theirs stored on this device — unless
 * `keepData`: when the server ended the session while commands were still unsent, they wait on
 * the device for the same user's next sign-in rather than being lost. Stop their sync first.
 */
export async function forgetUser(options: { keepData?: boolean } = {}): Promise<void> {
	const user = session.user;
	session.user = null;
	localStorage.removeItem(KEY);
	// Imported here, not at the top: the sign-in page, which imports this module, needs no Dexie.
	if (user && !options.keepData) await (await import('./db')).deleteUserDb(user.id);
}
