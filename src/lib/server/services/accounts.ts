import { DomainError } from './errors';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { prepared } from '../db/prepared';
import type { Db } from '../db';
import { accounts, ledgerEntries, meters, readings, userAccounts } from '../db/schema';
import type { SessionUser } from '../auth/session';
import type { AccountSummary } from '../../domain/account';

export class AccountAccessError extends DomainError {
	constructor() {
		super('account_forbidden', 'error.account_forbidden');
	}
}

export function linkedAccountIds(db: Db, userId: number): number[] {
	return db
		.select({ id: userAccounts.accountId })
		.from(userAccounts)
		.where(eq(userAccounts.userId, userId))
		.all()
		.map((r) => r.id);
}

/**
 * Throws unless the user may see the account. Residents see the accounts linked to them; staff
 * roles get their own rules when work orders and districts exist, until then nothing.
 */
export function assertAccountAccess(db: Db, user: SessionUser, accountId: number): void {
	if (user.role === 'resident') {
		const link = prepared(db, 'accounts.link', () =>
			db
				.select({ id: userAccounts.accountId })
				.from(userAccounts)
				.where(
					and(
						eq(userAccounts.userId, sql.placeholder('userId')),
						eq(userAccounts.accountId, sql.placeholder('accountId'))
					)
				)
				.prepare()
		).get({ userId: user.id, accountId });
		if (link) return;
	}
	throw new AccountAccessError();
}

export function accountSummaries(db: Db, accountIds: number[]): AccountSummary[] {
	if (accountIds.length === 0) return [];
	const rows = db
		.select()
		.from(accounts)
		.where(inArray(accounts.id, accountIds))
		.orderBy(accounts.number)
		.all();
	return rows.map((a) => {
		const lastPayment = db
			.select({
				date: ledgerEntries.date,
				amountTiyin: ledgerEntries.amountTiyin,
				operator: ledgerEntries.operator
			})
			.from(ledgerEntries)
			.where(and(eq(ledgerEntries.accountId, a.id), eq(ledgerEntries.kind, 'payment')))
			.orderBy(desc(ledgerEntries.date), desc(ledgerEntries.id))
			.limit(1)
			.get();
		const lastReading = db
			.select({
				date: readings.date,
				valueWh: readings.valueWh,
				source: readings.source,
				estimated: readings.estimated
			})
			.from(readings)
			.innerJoin(meters, eq(meters.id, readings.meterId))
			.where(eq(meters.accountId, a.id))
			.orderBy(desc(readings.date))
			.limit(1)
			.get();
		return {
			id: a.id,
			number: a.number,
			holderName: a.holderName,
			address: a.address,
			districtSoato: a.districtSoato,
			tariffClass: a.tariffClass,
			balanceTiyin: a.balanceTiyin,
			lastPayment: lastPayment ?? null,
			lastReading: lastReading ?? null
		};
	});
}
