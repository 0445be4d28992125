import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import { inTransaction, type Db } from '../db';
import { accounts, oneidStates, userAccounts, users } from '../db/schema';
import { createSession, type SessionUser } from '../auth/session';
import { guardCredentialCheck } from '../auth/credentialGuard';
import { OneIdError, type OneIdClient, type OneIdPerson } from '../auth/oneid/client';
import { linkedAccountIds } from './accounts';
import { recordAudit } from './audit';
import { BusinessRuleError, DomainError } from './errors';
import { maskPinfl } from '../../domain/masking';
import { ONEID_LOGIN_PREFIX } from '../../domain/oneidLogin';
import { ONEID_REFUSALS, type OneIdLinkInput, type OneIdRefusal } from '../../domain/oneid';

// Signing in through OneID, and then linking one's accounts by region, district and number when
// the account's holder has the PINFL OneID vouched for. A OneID user is keyed by PINFL: the same
// person signing in again is the same user, with the accounts they linked.

/** How long a begun sign-in may take before its state is refused (OneID's page, a slow SMS code). */
export const ONEID_STATE_TTL_MS = 10 * 60 * 1000;
export const ONEID_STATE_COOKIE = 'tok_oneid_state';

/** A users.password_hash no password matches: a OneID user signs in through OneID only. */
const NO_PASSWORD = '!oneid';

const hashOf = (s: string) => createHash('sha256').update(s).digest('hex');

/** A sign-in that did not finish, with the message key the person reads. */
export class OneIdSignInError extends DomainError {
	constructor(
		reason: string,
		readonly detail: string
	) {
		super('bad_request', reason);
	}
}

/** Starts a sign-in: the state for the browser's cookie and the URL of OneID's page. */
export function beginOneIdSignIn(db: Db, client: OneIdClient, redirectUri: string, nowMs: number) {
	const state = randomBytes(24).toString('base64url');
	inTransaction(db, () => {
		db.delete(oneidStates)
			.where(lt(oneidStates.createdAtMs, nowMs - ONEID_STATE_TTL_MS))
			.run();
		db.insert(oneidStates)
			.values({ id: hashOf(state), createdAtMs: nowMs })
			.run();
	});
	return { state, url: client.authorizationUrl(redirectUri, state) };
}

export interface OneIdCallback {
	/** What OneID sent back in the query string. */
	code: string | null;
	state: string | null;
	error: string | null;
	/** The state cookie this browser holds. */
	cookieState: string | null;
	redirectUri: string;
}

export interface RequestFacts {
	nowMs: number;
	address: string;
	userAgent: string;
}

function sameState(a: string, b: string): boolean {
	const x = Buffer.from(hashOf(a));
	const y = Buffer.from(hashOf(b));
	return timingSafeEqual(x, y);
}

/** Used once: true when the state was begun here, not too long ago, and not used before. */
function consumeState(db: Db, state: string, nowMs: number): boolean {
	const row = db
		.delete(oneidStates)
		.where(eq(oneidStates.id, hashOf(state)))
		.returning()
		.get();
	return row !== undefined && nowMs - row.createdAtMs <= ONEID_STATE_TTL_MS;
}

const titleCase = (s: string | undefined) =>
	(s ?? '')
		.trim()
		.toLowerCase()
		.replace(/(^|[\s'-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());

function displayNameOf(person: OneIdPerson): string {
	return [titleCase(person.first_name), titleCase(person.sur_name)].filter(Boolean).join(' ');
}

/** The user of this PINFL, made on the first sign-in; their name follows what OneID says. */
function userForPerson(db: Db, person: OneIdPerson, nowMs: number) {
	return inTransaction(db, () => {
		const displayName = displayNameOf(person);
		const existing = db.select().from(users).where(eq(users.pinfl, person.pin)).get();
		if (existing) {
			if (displayName && existing.displayName !== displayName)
				db.update(users).set({ displayName }).where(eq(users.id, existing.id)).run();
			return {
				row: { ...existing, displayName: displayName || existing.displayName },
				created: false
			};
		}
		const row = db
			.insert(users)
			.values({
				login: `${ONEID_LOGIN_PREFIX}${randomBytes(6).toString('hex')}`,
				passwordHash: NO_PASSWORD,
				role: 'resident',
				displayName,
				pinfl: person.pin,
				createdAtMs: nowMs
			})
			.returning()
			.get();
		return { row, created: true };
	});
}

/**
 * Finishes a sign-in OneID sent the browser back from: the state must be this browser's and
 * unused, then the code is exchanged, the person read, and OneID's token signed out again (Tok
 * keeps its own session and holds no OneID token). Failures throw OneIdSignInError and are
 * written to the audit log; so is the sign-in.
 */
export async function finishOneIdSignIn(
	db: Db,
	client: OneIdClient,
	callback: OneIdCallback,
	facts: RequestFacts
) {
	const fail = (reason: string, detail: string, subject = ''): never => {
		recordAudit(db, {
			event: 'sign_in_failed',
			subject,
			address: facts.address,
			detail: { method: 'oneid', reason },
			atMs: facts.nowMs
		});
		throw new OneIdSignInError(reason, detail);
	};
	const { state, cookieState } = callback;
	if (!state || !cookieState || !sameState(state, cookieState))
		fail('error.oneid_state', 'the state is missing or not this browser’s');
	if (!consumeState(db, state!, facts.nowMs))
		fail('error.oneid_state', 'the state is unknown, used or expired');
	if (callback.error)
		fail(
			callback.error === 'access_denied' ? 'error.oneid_cancelled' : 'error.oneid_refused',
			`OneID sent error=${callback.error}`
		);
	if (!callback.code) fail('error.oneid_invalid_answer', 'no code in the callback');

	let person: OneIdPerson;
	try {
		const accessToken = await client.exchangeCode(callback.code!, callback.redirectUri);
		person = await client.identify(accessToken);
		// Best effort: the sign-in stands whether or not OneID takes the token back.
		await client.logOut(accessToken).catch(() => undefined);
	} catch (error) {
		if (error instanceof OneIdError) return fail(error.reason, error.detail);
		throw error;
	}

	const { row, created } = userForPerson(db, person, facts.nowMs);
	const session = createSession(db, row.id, facts.nowMs, facts.userAgent);
	recordAudit(db, {
		event: 'oneid_sign_in',
		userId: row.id,
		subject: maskPinfl(person.pin),
		address: facts.address,
		detail: { created },
		atMs: facts.nowMs
	});
	const user: SessionUser = {
		id: row.id,
		login: row.login,
		role: row.role,
		displayName: row.displayName
	};
	return { user, ...session, needsAccount: linkedAccountIds(db, row.id).length === 0 };
}

/**
 * Links the account `input` names to a OneID user whose PINFL is its holder's. Refused, with the
 * reason, when there is no such account, it is in another district, or its holder is someone
 * else; each refusal counts against the user's attempt limit (credentialGuard), so that numbers
 * cannot be walked to learn who holds what.
 */
export async function linkAccountByOneId(
	db: Db,
	user: SessionUser,
	input: OneIdLinkInput,
	nowMs: number,
	clientAddress = 'local'
): Promise<{ accountId: number; added: boolean }> {
	const pinfl = db
		.select({ pinfl: users.pinfl })
		.from(users)
		.where(eq(users.id, user.id))
		.get()?.pinfl;
	if (!pinfl) throw new BusinessRuleError('error.oneid_required');

	let refusal: OneIdRefusal | null = null;
	const account = await guardCredentialCheck(
		db,
		{ login: `oneid-link:${user.id}`, address: clientAddress, actorUserId: user.id },
		nowMs,
		async () => {
			const row = db
				.select({
					id: accounts.id,
					districtSoato: accounts.districtSoato,
					holderPinfl: accounts.holderPinfl
				})
				.from(accounts)
				.where(eq(accounts.number, input.number))
				.get();
			if (!row) refusal = 'no_account';
			else if (row.districtSoato !== input.districtSoato) refusal = 'wrong_district';
			else if (row.holderPinfl !== pinfl) refusal = 'not_holder';
			return refusal === null ? row! : null;
		}
	);
	const audit = { userId: user.id, subject: input.number, address: clientAddress, atMs: nowMs };
	if (!account) {
		const reason = refusal ?? 'no_account';
		recordAudit(db, {
			...audit,
			event: 'oneid_refused',
			detail: { reason, district: input.districtSoato, pinfl: maskPinfl(pinfl) }
		});
		throw new BusinessRuleError(ONEID_REFUSALS[reason]);
	}
	return inTransaction(db, () => {
		const linked = db
			.select({ userId: userAccounts.userId })
			.from(userAccounts)
			.where(and(eq(userAccounts.userId, user.id), eq(userAccounts.accountId, account.id)))
			.get();
		if (!linked)
			db.insert(userAccounts)
				.values({ userId: user.id, accountId: account.id, role: 'owner', createdAtMs: nowMs })
				.run();
		recordAudit(db, {
			...audit,
			event: 'oneid_linked',
			detail: { added: !linked, pinfl: maskPinfl(pinfl) }
		});
		return { accountId: account.id, added: !linked };
	});
}
