import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { users } from '../db/schema';
import { hashPassword, verifyPassword } from '../auth/password';
import { createSession, type SessionUser } from '../auth/session';
import type { SignInInput } from '../../domain/auth';

export class InvalidCredentialsError extends Error {
	constructor() {
		super('error.invalid_credentials');
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

/** Checks a login and password and opens a session. */
export async function signIn(db: Db, input: SignInInput, nowMs: number) {
	const row = await checkCredentials(db, input);
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
