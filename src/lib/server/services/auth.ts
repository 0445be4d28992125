import { BusinessRuleError, DomainError } from './errors';
import { eq, sql } from 'drizzle-orm';
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
import { recordAudit } from './audit';
import type { ChangePasswordInput, SignInInput } from '../../domain/auth';

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
	const row = await guardCredentialCheck(db, { ...from, login: input.login }, nowMs, async () => {
		const row = db
			.select()
			.from(users)
			.where(sql`lower(${users.login}) = lower(${input.login})`)
			.get();
		const ok = await verifyPassword(row?.passwordHash ?? null, input.password);
		return row && ok ? row : null;
	});
	if (!row) throw new InvalidCredentialsError();
	return row;
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
export async function signIn(
	db: Db,
	input: SignInInput,
	nowMs: number,
	clientAddress = 'local',
	userAgent = ''
) {
	const row = await checkCredentials(db, input, { address: clientAddress }, nowMs);
	const session = createSession(db, row.id, nowMs, userAgent);
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

/**
 * Sets a new password once the current one checks out (through the sign-in limits, so a borrowed
 * phone cannot guess it), and ends every other session of the user: whoever signed in with the
 * old password elsewhere is signed out. A wrong current password is a refusal, not a sign-out.
 */
export async function changePassword(
	db: Db,
	user: SessionUser,
	input: ChangePasswordInput,
	request: { nowMs: number; address: string; currentSessionId: string | null }
): Promise<{ endedSessions: number }> {
	const row = db.select().from(users).where(eq(users.id, user.id)).get();
	if (!row || row.pinfl !== null) throw new BusinessRuleError('error.password_oneid');
	try {
		await checkCredentials(
			db,
			{ login: row.login, password: input.currentPassword },
			{ address: request.address },
			request.nowMs
		);
	} catch (error) {
		if (!(error instanceof InvalidCredentialsError)) throw error;
		recordAudit(db, {
			event: 'sign_in_failed',
			userId: user.id,
			subject: row.login,
			address: request.address,
			detail: { method: 'change_password' },
			atMs: request.nowMs
		});
		throw new BusinessRuleError('error.current_password_wrong');
	}
	const passwordHash = await hashPassword(input.newPassword);
	return inTransaction(db, () => {
		db.update(users).set({ passwordHash }).where(eq(users.id, user.id)).run();
		const endedSessions = endUserSessions(db, user.id, {
			exceptSessionId: request.currentSessionId ?? undefined
		});
		recordAudit(db, {
			event: 'password_changed',
			userId: user.id,
			subject: row.login,
			address: request.address,
			detail: { endedSessions },
			atMs: request.nowMs
		});
		return { endedSessions };
	});
}
