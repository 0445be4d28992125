import type { Db } from '../db';
import { inTransaction } from '../db';
import { AttemptLimiter } from '../auth/attempts';
import { DomainError } from './errors';
import { looksLikePhone, normalizePhone } from '../../domain/phone';
import { maskPhone } from '../../domain/masking';
import { recordAudit } from './audit';
import {
	accountsOfPhone,
	newPassword,
	phoneCapReached,
	sendCredentialsToPhone,
	sendNewPasswordToLogin
} from './credentialsBySms';

// "Forgot password?": a login or a phone in, a new password out by SMS to the phone registered
// to it — and the same answer whether or not anything was found, after the same work (a password
// is always generated and hashed), so the page tells nobody which logins or phones exist.

/** Requests for one login or phone (as typed, normalised) an hour, found or not. */
export const RESET_PER_IDENTIFIER_MAX = 3;
/** Requests from one address an hour, whatever they ask for (carrier NAT: generous). */
export const RESET_PER_ADDRESS_MAX = 20;
export const RESET_WINDOW_MS = 60 * 60 * 1000;

const perIdentifier = new AttemptLimiter(RESET_PER_IDENTIFIER_MAX, RESET_WINDOW_MS);
const perAddress = new AttemptLimiter(RESET_PER_ADDRESS_MAX, RESET_WINDOW_MS);

/** Too many resets asked for: try again at `retryAtMs`. */
export class ResetLimitedError extends DomainError {
	constructor(readonly retryAtMs: number) {
		super('too_many_attempts', 'error.reset_limited');
	}
}

export type ResetOutcome = 'sent' | 'capped' | 'unknown';

export async function requestPasswordReset(
	db: Db,
	identifier: string,
	from: { address: string },
	nowMs: number
): Promise<ResetOutcome> {
	const phone = looksLikePhone(identifier) ? normalizePhone(identifier) : null;
	const key = phone ?? identifier.trim().toLowerCase();
	const retryAt = Math.max(
		perIdentifier.retryAtMs(db, key, nowMs) ?? 0,
		perAddress.retryAtMs(db, from.address, nowMs) ?? 0
	);
	if (retryAt > 0) {
		recordAudit(db, {
			event: 'rate_limited',
			subject: phone ? maskPhone(phone) : key,
			address: from.address,
			detail: { via: 'reset', retryAtMs: retryAt },
			atMs: nowMs
		});
		throw new ResetLimitedError(retryAt);
	}
	perIdentifier.record(db, key, nowMs);
	perAddress.record(db, from.address, nowMs);

	const secret = await newPassword();
	return inTransaction(db, (): ResetOutcome => {
		let outcome: ResetOutcome;
		if (phone) {
			const accounts = accountsOfPhone(db, phone);
			if (accounts.length === 0) outcome = 'unknown';
			else if (phoneCapReached(db, phone, nowMs)) outcome = 'capped';
			else {
				sendCredentialsToPhone(db, phone, accounts, secret, nowMs, 'reset', from.address);
				outcome = 'sent';
			}
		} else outcome = sendNewPasswordToLogin(db, identifier.trim(), secret, nowMs, from.address);
		if (outcome !== 'sent')
			recordAudit(db, {
				event: outcome === 'capped' ? 'rate_limited' : 'password_reset',
				subject: phone ? maskPhone(phone) : key,
				address: from.address,
				detail: { via: 'reset', outcome },
				atMs: nowMs
			});
		return outcome;
	});
}
