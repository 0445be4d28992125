import type { TokDb } from '../db';
import { addMonths } from '$lib/domain/dates';
import { tariffVersionsFrom } from '$lib/domain/usage/tariffVersions';
import type { TariffVersion } from '$lib/tariff';
import type { AccountSummary } from '$lib/domain/account';
import type { ChargeRow, LedgerRow, ReadingMonthRow } from '$lib/domain/sync/tables';

// The queries behind the home, consumption, readings and payments pages: one account's synced
// rows as they are on this device. Wrap them in watched() (./watched.svelte.ts) to follow changes.

export function accountsOf(db: TokDb): Promise<AccountSummary[]> {
	return db.accounts.orderBy('number').toArray();
}

/** Every tariff version the device holds, or the built-in published ones before a first sync. */
export async function tariffVersionsOf(db: TokDb): Promise<readonly TariffVersion[]> {
	return tariffVersionsFrom(await db.tariffs.toArray());
}

/** The account's reading rows, every meter, oldest month first. */
export function readingMonthsOf(db: TokDb, accountId: number): Promise<ReadingMonthRow[]> {
	return db.readingMonths
		.where('[accountId+month]')
		.between([accountId, ''], [accountId, '\uffff'], true, true)
		.toArray();
}

/** The account's reading rows of `toMonth` and the `monthsBefore` months before it. */
export function recentReadingMonthsOf(
	db: TokDb,
	accountId: number,
	toMonth: string,
	monthsBefore: number
): Promise<ReadingMonthRow[]> {
	return db.readingMonths
		.where('[accountId+month]')
		.between([accountId, addMonths(toMonth, -monthsBefore)], [accountId, toMonth], true, true)
		.toArray();
}

/** The account's billed months, oldest first. */
export function chargesOf(db: TokDb, accountId: number): Promise<ChargeRow[]> {
	return db.charges
		.where('[accountId+month]')
		.between([accountId, ''], [accountId, '\uffff'], true, true)
		.toArray();
}

export function ledgerOf(db: TokDb, accountId: number): Promise<LedgerRow[]> {
	return db.ledger.where('accountId').equals(accountId).toArray();
}
