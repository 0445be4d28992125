import { DomainError } from './errors';
import { sql } from 'drizzle-orm';
import { inTransaction, type Db } from '../db';
import { users } from '../db/schema';
import { hashPassword, verifyPassword } from '../auth/password';
import {
	ADDRESS_FAILURES_MAX,
	FAILURE_WINDOW_MS,
	guardCredentialCheck,
	LOGIN_FAILURES_MAX,
	type CredentialAttempt
} from '../auth/credentialGuard';
import { createSession, endUserSessions, type SessionUser } from '../auth/session';
import { TooManyAttemptsError } from '../auth/attempts';
import { recordAudit } from './audit';
import type { SignInInput } from '../../domain/auth';

export class InvalidCredentialsError extends DomainError {
	constructor() {
		super('invalid_credentials', 'error.invalid_credentials');
	}
}

/**
 * The user a login and password belong to; one error for every kind of wrong, so nothing hints
 * which (an unknown login costs a hash check too). Signing in and adding an account by its
 * login both go through here, and so through the attempt limits: too many wrong passwords and
 * it throws TooManyAttemptsError before checking.
 */
export async function checkCredentials(
	db: Db,
	input: SignInInput,
	from: Omit<CredentialAttempt, 'login'>,
	nowMs: number
) {
	// Every failure and refusal is audited here, for signing in and adding an account alike.
	const audit = (event: 'sign_in_failed' | 'lockout') =>
		recordAudit(db, {
			event,
			subject: input.login,
			address: from.address,
			detail: from.actorUserId === undefined ? {} : { actorUserId: from.actorUserId },
			atMs: nowMs
		});
	let row;
	let usedPending = false;
	try {
		row = await guardCredentialCheck(db, { ...from, login: input.login }, nowMs, async () => {
			const row = db
				.select()
				.from(users)
				.where(sql`lower(${users.login}) = lower(${input.login})`)
				.get();
			if (await verifyPassword(row?.passwordHash ?? null, input.password)) return row ?? null;
			// A password sent by "Forgot password?" and not used yet works beside the old one.
			if (
				row?.pendingPasswordHash &&
				(row.pendingPasswordExpiresAtMs ?? 0) > nowMs &&
				(await verifyPassword(row.pendingPasswordHash, input.password))
			) {
				usedPending = true;
				return row;
			}
			return null;
		});
	} catch (error) {
		if (error instanceof TooManyAttemptsError) audit('lockout');
		throw error;
	}
	if (!row) {
		audit('sign_in_failed');
		throw new InvalidCredentialsError();
	}
	if (usedPending) usePendingPassword(db, row.id, from.address, nowMs);
	return row;
}

/**
 * The first use of a password sent by "Forgot password?" makes it the password: the old one
 * stops working and every session of the user ends (the caller opens its own afterwards).
 */
function usePendingPassword(db: Db, userId: number, address: string, nowMs: number): void {
	inTransaction(db, () => {
		db.$client
			.prepare(
				`update users set password_hash = pending_password_hash, pending_password_hash = null,
				 pending_password_expires_at_ms = null where id = ? and pending_password_hash is not null`
			)
			.run(userId);
		const ended = endUserSessions(db, userId);
		recordAudit(db, {
			event: 'password_changed',
			userId,
			address,
			detail: { via: 'reset', sessionsEnded: ended },
			atMs: nowMs
		});
	});
}

/** Wrong passwords for one login from one address before sign-in is refused for a while. */
export const SIGN_IN_FAILURES_MAX = LOGIN_FAILURES_MAX;
/** Wrong passwords from one address, whatever the logins, before it is slowed down. */
export const SIGN_IN_ADDRESS_FAILURES_MAX = ADDRESS_FAILURES_MAX;
export const SIGN_IN_FAILURE_WINDOW_MS = FAILURE_WINDOW_MS;

/**
 * Checks a login and password and opens a session. Refuses (before checking the password) once
 * too many attempts failed from `clientAddress` (see credentialGuard).
 */
export async function signIn(db: Db, input: SignInInput, nowMs: number, clientAddress = 'local') {
	const row = await checkCredentials(db, input, { address: clientAddress }, nowMs);
	const session = createSession(db, row.id, nowMs);
	recordAudit(db, {
		event: 'sign_in',
		userId: row.id,
		subject: row.login,
		address: clientAddress,
		atMs: nowMs
	});
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
