import { and, eq } from 'drizzle-orm';
import { inTransaction, type Db } from '../db';
import { accounts, userAccounts } from '../db/schema';
import type { SessionUser } from '../auth/session';
import type { LinkAccountInput } from '../../domain/account';
import { AccountAccessError, linkedAccountIds } from './accounts';
import { checkCredentials, InvalidCredentialsError } from './auth';
import { BusinessRuleError } from './errors';
import { recordAudit } from './audit';
import { ACTOR_FAILURES_MAX, FAILURE_WINDOW_MS } from '../auth/credentialGuard';

// Several accounts in one app (DESIGN.md, "Who signs in"): HET hands out a login and password per
// personal account; a resident who has them adds that account to their own sign-in, and it syncs
// with the others. Nothing is copied: the account is linked, and the next pull brings its rows.

/** Wrong passwords a user may try within the window before adding is refused for a while. */
export const LINK_FAILURES_MAX = ACTOR_FAILURES_MAX;
export const LINK_FAILURE_WINDOW_MS = FAILURE_WINDOW_MS;

export interface LinkResult {
	/** Every account the login opens, now all linked to the user. */
	accountIds: number[];
	/** Those that were not linked before. */
	addedAccountIds: number[];
}

/**
 * Links to `user` every account that the given login opens, once its password checks out.
 * Refuses staff logins (an inspector's login opens no personal account) and the user's own login.
 */
export async function linkAccountsByLogin(
	db: Db,
	user: SessionUser,
	input: LinkAccountInput,
	nowMs: number,
	clientAddress = 'local'
): Promise<LinkResult> {
	let owner: Awaited<ReturnType<typeof checkCredentials>>;
	try {
		owner = await checkCredentials(
			db,
			input,
			{ address: clientAddress, actorUserId: user.id },
			nowMs
		);
	} catch (error) {
		if (!(error instanceof InvalidCredentialsError)) throw error;
		// Not UNAUTHORIZED: the person is still signed in, only the other account's login was wrong.
		throw new BusinessRuleError('error.invalid_credentials');
	}
	if (owner.role !== 'resident') throw new BusinessRuleError('error.staff_login');
	if (owner.id === user.id) throw new BusinessRuleError('error.own_login');

	const accountIds = linkedAccountIds(db, owner.id).sort((a, b) => a - b);
	if (accountIds.length === 0) throw new BusinessRuleError('error.login_without_accounts');

	return inTransaction(db, () => {
		const already = new Set(linkedAccountIds(db, user.id));
		const addedAccountIds = accountIds.filter((id) => !already.has(id));
		for (const accountId of addedAccountIds)
			db.insert(userAccounts)
				.values({ userId: user.id, accountId, role: 'owner', createdAtMs: nowMs })
				.run();
		return { accountIds, addedAccountIds };
	});
}

/**
 * Takes an account off the user's sign-in (and so off their devices, at the next pull).
 *
 * Refused for the last account: a sign-in with none shows nothing. Refused for the account whose
 * number is the user's login: a per-account login (as HET issues them) would then open nothing,
 * and adding the account elsewhere by that login would stop working. Any other account can be
 * added back with its own login and password.
 */
export function unlinkAccount(
	db: Db,
	user: SessionUser,
	accountId: number,
	request: { nowMs: number; address: string }
): { accountIds: number[] } {
	return inTransaction(db, () => {
		const linked = linkedAccountIds(db, user.id);
		if (!linked.includes(accountId)) throw new AccountAccessError();
		if (linked.length === 1) throw new BusinessRuleError('error.last_account');
		const account = db
			.select({ number: accounts.number })
			.from(accounts)
			.where(eq(accounts.id, accountId))
			.get();
		if (account && account.number.toLowerCase() === user.login.toLowerCase())
			throw new BusinessRuleError('error.own_account');
		db.delete(userAccounts)
			.where(and(eq(userAccounts.userId, user.id), eq(userAccounts.accountId, accountId)))
			.run();
		recordAudit(db, {
			event: 'account_unlinked',
			userId: user.id,
			subject: account?.number ?? String(accountId),
			address: request.address,
			atMs: request.nowMs
		});
		return { accountIds: linked.filter((id) => id !== accountId) };
	});
}
