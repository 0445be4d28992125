import { DomainError } from './errors';
import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { users } from '../db/schema';
import { hashPassword, verifyPassword } from '../auth/password';
import { AttemptLimiter, TooManyAttemptsError } from '../auth/attempts';
import { createSession, type SessionUser } from '../auth/session';
import type { SignInInput } from '../../domain/auth';

export class InvalidCredentialsError extends DomainError {
	constructor() {
		super('invalid_credentials', 'error.invalid_credentials');
	}
}

/**
 * The user a login and password belong to; one error for every kind of wrong, so nothing hints
 * which (an unknown login costs a hash check too). Signing in and adding an account by its
 * login both go through here.
 */
export async function checkCredentials(db: Db, input: SignInInput) {
	const row = db
		.select()
		.from(users)
		.where(sql`lower(${users.login}) = lower(${input.login})`)
		.get();
	const ok = await verifyPassword(row?.passwordHash ?? null, input.password);
	if (!row || !ok) throw new InvalidCredentialsError();
	return row;
}

/** Wrong passwords for one login from one address before sign-in is refused for a while. */
export const SIGN_IN_FAILURES_MAX = 5;
/** Wrong passwords from one address, whatever the logins, before it is refused for a while. */
export const SIGN_IN_ADDRESS_FAILURES_MAX = 30;
export const SIGN_IN_FAILURE_WINDOW_MS = 15 * 60 * 1000;
// Per login *and* address, so that someone guessing a neighbour's password cannot lock the
// neighbour out from their own phone; per address too, against trying many logins.
const perLogin = new AttemptLimiter(SIGN_IN_FAILURES_MAX, SIGN_IN_FAILURE_WINDOW_MS);
const perAddress = new AttemptLimiter(SIGN_IN_ADDRESS_FAILURES_MAX, SIGN_IN_FAILURE_WINDOW_MS);

/**
 * Checks a login and password and opens a session. Refuses (before checking the password) once
 * too many attempts failed from `clientAddress`; a success forgets that login's failures.
 */
export async function signIn(db: Db, input: SignInInput, nowMs: number, clientAddress = 'local') {
	const loginKey = `${input.login.toLowerCase()} ${clientAddress}`;
	if (perLogin.blocked(db, loginKey, nowMs) || perAddress.blocked(db, clientAddress, nowMs))
		throw new TooManyAttemptsError();
	let row: Awaited<ReturnType<typeof checkCredentials>>;
	try {
		row = await checkCredentials(db, input);
	} catch (error) {
		if (error instanceof InvalidCredentialsError) {
			perLogin.failed(db, loginKey, nowMs);
			perAddress.failed(db, clientAddress, nowMs);
		}
		throw error;
	}
	perLogin.succeeded(db, loginKey);
	const session = createSession(db, row.id, nowMs);
	const user: SessionUser = {
		id: row.id,
		login: row.login,
		role: row.role,
		displayName: row.displayName
	};
	return { user, ...session };
}

export async function createUser(
	db: Db,
	user: {
		login: string;
		password: string;
		role: SessionUser['role'];
		displayName?: string;
		phone?: string;
	},
	nowMs: number
): Promise<number> {
	const passwordHash = await hashPassword(user.password);
	const row = db
		.insert(users)
		.values({
			login: user.login,
			passwordHash,
			role: user.role,
			displayName: user.displayName ?? '',
			phone: user.phone ?? null,
			createdAtMs: nowMs
		})
		.returning({ id: users.id })
		.get();
	return row.id;
}
