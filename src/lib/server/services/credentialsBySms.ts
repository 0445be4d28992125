import type { Db } from '../db';
import { hashPassword } from '../auth/password';
import { generatePassword } from '../auth/generatedPassword';
import { endUserSessions } from '../auth/session';
import { maskPhone } from '../../domain/masking';
import { credentialsReply, redactPassword } from '../../domain/sms/replies';
import { enqueueSms, SMS_PER_PHONE_MAX, smsCountToPhone } from '../sms/outbox';
import { recordAudit } from './audit';

// A login and a new password for the owner of the accounts registered to a phone, sent by SMS to
// that phone and nowhere else: the answer to "P" and to "Forgot password?". The old password stops
// working and every session of that user ends, in the same transaction that queues the SMS.

export interface PhoneAccount {
	id: number;
	number: string;
}

export function accountsOfPhone(db: Db, phone: string): PhoneAccount[] {
	return db.$client
		.prepare('select id, number from accounts where phone = ? order by number')
		.all(phone) as PhoneAccount[];
}

export function phoneCapReached(db: Db, phone: string, nowMs: number): boolean {
	return smsCountToPhone(db, phone, nowMs) >= SMS_PER_PHONE_MAX;
}

interface OwnerUser {
	id: number;
	login: string;
}

const loginTaken = (db: Db, login: string) =>
	db.$client.prepare('select 1 from users where lower(login) = lower(?)').get(login) !== undefined;

/**
 * The user who owns the phone's accounts: the resident registered with that phone; else the
 * per-account login HET hands out (a resident whose login is one of the account numbers); else a
 * new resident, whose login is the first free account number. The phone's accounts are linked to
 * it (those already linked stay as they are).
 */
function ownerOfPhone(
	db: Db,
	phone: string,
	accounts: PhoneAccount[],
	passwordHash: string,
	nowMs: number
): OwnerUser {
	const sqlite = db.$client;
	let owner = sqlite
		.prepare(
			"select id, login from users where phone = ? and role = 'resident' order by id limit 1"
		)
		.get(phone) as OwnerUser | undefined;
	owner ??= sqlite
		.prepare(
			`select u.id, u.login from users u join user_accounts ua on ua.user_id = u.id
			 join accounts a on a.id = ua.account_id
			 where a.phone = ? and u.role = 'resident' and u.login = a.number order by a.number limit 1`
		)
		.get(phone) as OwnerUser | undefined;
	if (!owner) {
		const digits = phone.replace(/\D/g, '');
		const login =
			accounts.map((a) => a.number).find((n) => !loginTaken(db, n)) ??
			[digits, ...Array.from({ length: 50 }, (_, i) => `${digits}-${i + 2}`)].find(
				(l) => !loginTaken(db, l)
			)!;
		owner = sqlite
			.prepare(
				`insert into users (login, password_hash, role, display_name, phone, created_at_ms)
				 values (?, ?, 'resident', '', ?, ?) returning id, login`
			)
			.get(login, passwordHash, phone, nowMs) as OwnerUser;
	}
	sqlite.prepare('update users set phone = ? where id = ? and phone is null').run(phone, owner.id);
	const link = sqlite.prepare(
		"insert or ignore into user_accounts (user_id, account_id, role, created_at_ms) values (?, ?, 'owner', ?)"
	);
	for (const account of accounts) link.run(owner.id, account.id, nowMs);
	return owner;
}

export interface NewPassword {
	password: string;
	hash: string;
}

/** Made before the transaction: argon2 is slow and asynchronous, the transaction is neither. */
export async function newPassword(): Promise<NewPassword> {
	const password = generatePassword();
	return { password, hash: await hashPassword(password) };
}

interface Delivery {
	userId: number;
	login: string;
	phone: string;
	accountNumbers: string[];
	via: 'sms' | 'reset';
	address?: string;
}

/** How long a password sent by "Forgot password?" waits for its first use. */
export const PENDING_PASSWORD_TTL_MS = 24 * 60 * 60 * 1000;

function deliver(db: Db, d: Delivery, secret: NewPassword, nowMs: number): void {
	let ended = 0;
	if (d.via === 'sms') {
		// "P" comes from the phone itself: the new password replaces the old one at once.
		db.$client
			.prepare(
				'update users set password_hash = ?, pending_password_hash = null, pending_password_expires_at_ms = null where id = ?'
			)
			.run(secret.hash, d.userId);
		ended = endUserSessions(db, d.userId);
	} else {
		// The page can be used by anyone who knows a login: the old password keeps working until
		// the new one is first used (services/auth.ts), so a stranger's reset locks nobody out.
		db.$client
			.prepare(
				'update users set pending_password_hash = ?, pending_password_expires_at_ms = ? where id = ?'
			)
			.run(secret.hash, nowMs + PENDING_PASSWORD_TTL_MS, d.userId);
	}
	const text = credentialsReply({
		login: d.login,
		password: secret.password,
		accountNumbers: d.accountNumbers
	});
	const smsId = enqueueSms(
		db,
		{
			toPhone: d.phone,
			kind: 'credentials',
			text,
			logText: redactPassword(text, secret.password),
			userId: d.userId
		},
		nowMs
	);
	const common = { userId: d.userId, address: d.address ?? '', atMs: nowMs };
	if (d.via === 'reset')
		recordAudit(db, {
			...common,
			event: 'password_reset',
			subject: d.login,
			detail: { to: maskPhone(d.phone) }
		});
	recordAudit(db, {
		...common,
		event: 'credentials_by_sms',
		subject: maskPhone(d.phone),
		detail: { login: d.login, accounts: d.accountNumbers, via: d.via, smsId, sessionsEnded: ended }
	});
}

/**
 * Credentials for whoever owns the accounts registered to `phone` (created if nobody yet), sent
 * to that phone. Runs inside the caller's transaction; the caller checked the phone's SMS cap.
 */
export function sendCredentialsToPhone(
	db: Db,
	phone: string,
	accounts: PhoneAccount[],
	secret: NewPassword,
	nowMs: number,
	via: Delivery['via'],
	address?: string
): OwnerUser {
	const owner = ownerOfPhone(db, phone, accounts, secret.hash, nowMs);
	deliver(
		db,
		{
			userId: owner.id,
			login: owner.login,
			phone,
			accountNumbers: accounts.map((a) => a.number),
			via,
			address
		},
		secret,
		nowMs
	);
	return owner;
}

/**
 * A new password for the resident with this login, sent to the phone registered to them (their
 * own, or the one phone their accounts share): 'unknown' when there is no such resident or
 * phone, 'capped' when that phone had its SMS for the hour. Runs inside the caller's transaction.
 */
export function sendNewPasswordToLogin(
	db: Db,
	login: string,
	secret: NewPassword,
	nowMs: number,
	address: string
): 'sent' | 'capped' | 'unknown' {
	const user = db.$client
		.prepare(
			"select id, login, phone from users where lower(login) = lower(?) and role = 'resident'"
		)
		.get(login) as { id: number; login: string; phone: string | null } | undefined;
	if (!user) return 'unknown';
	const phones = db.$client
		.prepare(
			`select distinct a.phone from accounts a join user_accounts ua on ua.account_id = a.id
			 where ua.user_id = ?`
		)
		.all(user.id) as Array<{ phone: string }>;
	const phone = user.phone ?? (phones.length === 1 ? phones[0].phone : null);
	if (!phone) return 'unknown';
	if (phoneCapReached(db, phone, nowMs)) return 'capped';
	const accountNumbers = (
		db.$client
			.prepare(
				`select a.number from accounts a join user_accounts ua on ua.account_id = a.id
				 where ua.user_id = ? and a.phone = ? order by a.number`
			)
			.all(user.id, phone) as Array<{ number: string }>
	).map((r) => r.number);
	deliver(
		db,
		{ userId: user.id, login: user.login, phone, accountNumbers, via: 'reset', address },
		secret,
		nowMs
	);
	return 'sent';
}
