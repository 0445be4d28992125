import type Database from 'better-sqlite3';
import type { Db } from '../db';
import { isCalendarDay } from '../../domain/dates';
import { reserveVersions } from '../db/version';
import type { PaymentOperatorId } from '../../domain/payments/operators';

/**
 * The ledger: append-only money entries per account (charges, payments, refunds, adjustments),
 * each with the reference of what caused it, and `accounts.balance_tiyin` as their cached sum.
 *
 * Every entry goes through `appendLedgerEntries` (or `appendLedgerEntry`), which writes the
 * entry with a new sync version and moves the cached balance in the caller's transaction, so
 * the three can never part.
 * Nothing updates or deletes an entry; a mistake is undone by another entry.
 */

export const LEDGER_KINDS = ['charge', 'payment', 'refund', 'adjustment'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];
export type PaymentOperator = PaymentOperatorId | 'cash' | 'bank';

export interface NewLedgerEntry {
	accountId: number;
	kind: LedgerKind;
	/** Signed: money in (a payment) is positive, money owed (a charge) negative. */
	amountTiyin: number;
	/** The business date, 'YYYY-MM-DD'. */
	date: string;
	/** Unique per account: 'billing:2025-03', 'payme:<transaction id>'. A repeat is refused. */
	sourceRef: string;
	operator?: PaymentOperator | null;
	createdAtMs: number;
}

export class LedgerError extends Error {
	override readonly name = 'LedgerError';
}

// Entries of one batch share a date more often than not; checking it once is enough.
let lastGoodDate = '';

function check(entry: NewLedgerEntry): void {
	const { amountTiyin, kind } = entry;
	if (!Number.isSafeInteger(amountTiyin) || amountTiyin === 0) {
		throw new LedgerError(
			`a ledger entry needs a whole, non-zero amount of tiyin, got ${amountTiyin}`
		);
	}
	if (!LEDGER_KINDS.includes(kind))
		throw new LedgerError(`unknown ledger entry kind ${String(kind)}`);
	if (kind === 'payment' && amountTiyin < 0)
		throw new LedgerError('a payment is money in: its amount must be positive');
	if (kind === 'refund' && amountTiyin > 0)
		throw new LedgerError('a refund is money out: its amount must be negative');
	if (entry.date !== lastGoodDate && !isCalendarDay(entry.date))
		throw new LedgerError(`a ledger entry's date must be YYYY-MM-DD, got ${entry.date}`);
	if (!entry.sourceRef) throw new LedgerError('a ledger entry needs a source reference');
	lastGoodDate = entry.date;
}

// Entries are inserted `ROWS_PER_INSERT` to a statement: a million-account billing run spends
// most of its time in statement calls, and one call per 50 rows is several times cheaper.
const ROWS_PER_INSERT = 50;
const COLUMNS =
	'(account_id, kind, amount_tiyin, date, source_ref, operator, created_at_ms, version)';
const PLACEHOLDERS = '(?, ?, ?, ?, ?, ?, ?, ?)';

// Balances move `BALANCES_PER_UPDATE` accounts to a statement (`update … from (values …)`),
// in half the time of a statement per account.
const BALANCES_PER_UPDATE = 500;

interface Statements {
	insertOne: Database.Statement;
	insertMany: Database.Statement;
	moveBalance: Database.Statement;
	moveBalances: Database.Statement;
}

// Prepared once per connection; a WeakMap so a closed connection takes its statements with it.
const prepared = new WeakMap<Database.Database, Statements>();

function statementsOf(client: Database.Database): Statements {
	let statements = prepared.get(client);
	if (!statements) {
		statements = {
			insertOne: client.prepare(`insert into ledger_entries ${COLUMNS} values ${PLACEHOLDERS}`),
			insertMany: client.prepare(
				`insert into ledger_entries ${COLUMNS} values ${Array(ROWS_PER_INSERT).fill(PLACEHOLDERS).join(', ')}`
			),
			moveBalance: client.prepare(
				'update accounts set balance_tiyin = balance_tiyin + ? where id = ?'
			),
			moveBalances: client.prepare(
				`update accounts set balance_tiyin = balance_tiyin + m.column2
				 from (values ${Array(BALANCES_PER_UPDATE).fill('(?, ?)').join(', ')}) m
				 where accounts.id = m.column1`
			)
		};
		prepared.set(client, statements);
	}
	return statements;
}

/**
 * Adds each account's entries to its cached balance, whole statements of
 * `BALANCES_PER_UPDATE` accounts, then one statement per account for the rest. `update … from`
 * takes one row of the values per account, so the amounts are summed per account first.
 */
function moveBalances(
	client: Database.Database,
	s: Statements,
	entries: readonly NewLedgerEntry[]
) {
	const byAccount = new Map<number, number>();
	for (const e of entries)
		byAccount.set(e.accountId, (byAccount.get(e.accountId) ?? 0) + e.amountTiyin);
	const params: number[] = [];
	let left = byAccount.size;
	for (const [accountId, amountTiyin] of byAccount) {
		if (left-- < BALANCES_PER_UPDATE && params.length === 0) {
			if (s.moveBalance.run(amountTiyin, accountId).changes !== 1) throw noAccount(accountId);
			continue;
		}
		params.push(accountId, amountTiyin);
		if (params.length < BALANCES_PER_UPDATE * 2) continue;
		if (s.moveBalances.run(params).changes !== BALANCES_PER_UPDATE) {
			const exists = client.prepare('select 1 from accounts where id = ?').pluck();
			for (let i = 0; i < params.length; i += 2)
				if (!exists.get(params[i])) throw noAccount(params[i]);
			throw new LedgerError('the balances did not all move');
		}
		params.length = 0;
	}
}

function noAccount(accountId: number): LedgerError {
	return new LedgerError(`there is no account ${accountId}`);
}

function pushParams(params: unknown[], e: NewLedgerEntry, version: number): void {
	params.push(
		e.accountId,
		e.kind,
		e.amountTiyin,
		e.date,
		e.sourceRef,
		e.operator ?? null,
		e.createdAtMs,
		version
	);
}

/**
 * Appends entries and moves each account's cached balance by their amounts. Must run inside the
 * caller's transaction on `tx` (better-sqlite3 transactions belong to the connection; open one
 * with `db.transaction` or `db.$client.transaction`), so that the caller's own writes, the
 * entries and the balances commit together or not at all. Throws `LedgerError` for an invalid
 * entry or an unknown account, and SQLite's constraint error for a repeated source reference.
 */
export function appendLedgerEntries(tx: Db, entries: readonly NewLedgerEntry[]): void {
	const client = tx.$client;
	if (!client.inTransaction)
		throw new LedgerError('ledger entries must be appended inside a transaction');
	for (const entry of entries) check(entry);
	const s = statementsOf(client);
	if (entries.length === 0) return;
	// Balances first: an unknown account is then a LedgerError rather than a foreign-key error.
	moveBalances(client, s, entries);
	// One sync version per entry, in this transaction, so devices pull each entry once.
	const firstVersion = reserveVersions(tx, entries.length);
	const params: unknown[] = [];
	let i = 0;
	for (; i + ROWS_PER_INSERT <= entries.length; i += ROWS_PER_INSERT) {
		params.length = 0;
		for (let k = i; k < i + ROWS_PER_INSERT; k++) pushParams(params, entries[k], firstVersion + k);
		s.insertMany.run(params);
	}
	for (; i < entries.length; i++) {
		params.length = 0;
		pushParams(params, entries[i], firstVersion + i);
		s.insertOne.run(params);
	}
}

/** One entry; see `appendLedgerEntries`. */
export function appendLedgerEntry(tx: Db, entry: NewLedgerEntry): void {
	appendLedgerEntries(tx, [entry]);
}

export interface BalanceMismatch {
	accountId: number;
	accountNumber: string;
	cachedTiyin: number;
	actualTiyin: number;
	differenceTiyin: number;
}

/**
 * Proves every cached balance equal to the sum of its account's entries, in one pass over the
 * ledger. Returns the accounts where they differ (none, when all is well).
 */
export function verifyLedger(db: Db): {
	accounts: number;
	entries: number;
	mismatches: BalanceMismatch[];
} {
	const client = db.$client;
	const counts = client
		.prepare(
			'select (select count(*) from accounts) as accounts, (select count(*) from ledger_entries) as entries'
		)
		.get() as { accounts: number; entries: number };
	const rows = client
		.prepare(
			`select a.id, a.number, a.balance_tiyin, coalesce(s.total, 0) as actual
			 from accounts a
			 left join (select account_id, sum(amount_tiyin) as total from ledger_entries group by account_id) s
			   on s.account_id = a.id
			 where a.balance_tiyin <> coalesce(s.total, 0)
			 order by a.number`
		)
		.raw(true)
		.all() as Array<[number, string, number, number]>;
	return {
		...counts,
		mismatches: rows.map(([accountId, accountNumber, cachedTiyin, actualTiyin]) => ({
			accountId,
			accountNumber,
			cachedTiyin,
			actualTiyin,
			differenceTiyin: cachedTiyin - actualTiyin
		}))
	};
}
