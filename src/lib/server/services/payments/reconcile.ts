import { parseDay } from '../../../domain/dates';
import type { PaymentOperatorId } from '../../../domain/payments/operators';
import type { Db } from '../../db';
import { listTransactions, type TransactionState } from './transactions';

/**
 * Reconciliation: Tok's operator transactions of one Tashkent day beside the operator's own
 * statement of that day, and every difference between them. The comparison is the same for every
 * operator; what differs is how a statement is read, so each operator plugs in a
 * `StatementSource` below (Payme's is its GetStatement result).
 */

/** One transaction as a statement lists it, in Tok's terms. */
export interface StatementRow {
	/** The operator's transaction id. */
	id: string;
	amountTiyin: number;
	/** Tok's state machine: 1 pending, 2 performed, -1 cancelled, -2 refunded. */
	state: TransactionState;
	/** The personal account number, when the statement says it. */
	account: string | null;
	/** The operator's time of the transaction, ms. */
	timeMs: number;
}

export type DifferenceKind =
	'missing_at_operator' | 'missing_in_tok' | 'amount_differs' | 'state_differs' | 'account_differs';

export interface Difference {
	kind: DifferenceKind;
	id: string;
	tok: StatementRow | null;
	operator: StatementRow | null;
}

/**
 * How an operator's statement is read. `parse` reads a statement file in the operator's own
 * format (for Payme, a GetStatement answer); `fetch`, when the operator has one, asks a live
 * statement (Payme: GetStatement at `url`). Both throw `StatementError` with a message a person
 * can act on. Operators without an entry here cannot be reconciled yet.
 */
export interface StatementSource {
	/** What the file must look like, for the usage message. */
	fileFormat: string;
	parse(text: string): StatementRow[];
	fetch?(day: TashkentDay, options: { url: string; key: string }): Promise<StatementRow[]>;
}

export class StatementError extends Error {
	override readonly name = 'StatementError';
}

export interface TashkentDay {
	date: string;
	/** The day's first millisecond in Tashkent (UTC+5), and its last. */
	fromMs: number;
	toMs: number;
}

const TASHKENT_OFFSET_MS = 5 * 3_600_000;

export function tashkentDay(date: string): TashkentDay {
	const fromMs = parseDay(date) - TASHKENT_OFFSET_MS;
	return { date, fromMs, toMs: fromMs + 86_400_000 - 1 };
}

/** Tok's side: the operator's transactions whose operator time lies in the day. */
export function tokStatement(
	db: Db,
	operator: PaymentOperatorId,
	day: TashkentDay
): StatementRow[] {
	return listTransactions(db, operator, day.fromMs, day.toMs).map((tx) => ({
		id: tx.operatorTxId,
		amountTiyin: tx.amountTiyin,
		state: tx.state,
		account: tx.accountNumber,
		timeMs: tx.operatorTimeMs
	}));
}

/** Every difference between the two sides, in the order of the operator's time. */
export function compareStatements(tok: StatementRow[], operator: StatementRow[]): Difference[] {
	const theirs = new Map(operator.map((r) => [r.id, r]));
	const ours = new Map(tok.map((r) => [r.id, r]));
	const differences: Difference[] = [];
	for (const t of tok) {
		const o = theirs.get(t.id);
		if (!o) {
			differences.push({ kind: 'missing_at_operator', id: t.id, tok: t, operator: null });
			continue;
		}
		const pair = { id: t.id, tok: t, operator: o };
		if (t.amountTiyin !== o.amountTiyin) differences.push({ kind: 'amount_differs', ...pair });
		if (t.state !== o.state) differences.push({ kind: 'state_differs', ...pair });
		if (o.account !== null && t.account !== o.account)
			differences.push({ kind: 'account_differs', ...pair });
	}
	for (const o of operator)
		if (!ours.has(o.id))
			differences.push({ kind: 'missing_in_tok', id: o.id, tok: null, operator: o });
	const time = (d: Difference) => (d.tok ?? d.operator)!.timeMs;
	return differences.sort((a, b) => time(a) - time(b) || a.id.localeCompare(b.id));
}

// ---- Payme: GetStatement ----------------------------------------------------------------------

const STATES = new Set([1, 2, -1, -2]);

function paymeRows(value: unknown): StatementRow[] {
	// A whole JSON-RPC answer, its `result`, or the bare list: whichever was saved.
	let v = value as Record<string, unknown> | unknown[];
	if (!Array.isArray(v) && v && typeof v === 'object' && 'error' in v && v.error)
		throw new StatementError(`the statement is a JSON-RPC error: ${JSON.stringify(v.error)}`);
	if (!Array.isArray(v) && v && typeof v === 'object' && 'result' in v) v = v.result as typeof v;
	if (!Array.isArray(v) && v && typeof v === 'object' && 'transactions' in v)
		v = v.transactions as typeof v;
	if (!Array.isArray(v))
		throw new StatementError('expected a GetStatement answer with result.transactions');
	return v.map((t, i) => {
		const at = `transactions[${i}]`;
		if (typeof t !== 'object' || t === null) throw new StatementError(`${at} is not an object`);
		const r = t as Record<string, unknown>;
		if (typeof r.id !== 'string' || !r.id) throw new StatementError(`${at}.id is not a string`);
		if (!Number.isSafeInteger(r.amount)) throw new StatementError(`${at}.amount is not tiyin`);
		if (!STATES.has(r.state as number))
			throw new StatementError(`${at}.state is not 1, 2, -1 or -2`);
		if (!Number.isSafeInteger(r.time)) throw new StatementError(`${at}.time is not ms`);
		const account = (r.account as Record<string, unknown> | null | undefined)?.account;
		return {
			id: r.id,
			amountTiyin: r.amount as number,
			state: r.state as TransactionState,
			account: typeof account === 'string' ? account : null,
			timeMs: r.time as number
		};
	});
}

const payme: StatementSource = {
	fileFormat: 'Payme GetStatement answer (JSON: {"result":{"transactions":[…]}})',
	parse(text) {
		let value: unknown;
		try {
			value = JSON.parse(text);
		} catch {
			throw new StatementError('the statement file is not JSON');
		}
		return paymeRows(value);
	},
	async fetch(day, { url, key }) {
		let response: Response;
		try {
			response = await fetch(new URL('/api/payments/payme', url), {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					authorization: `Basic ${Buffer.from(`Paycom:${key}`).toString('base64')}`
				},
				body: JSON.stringify({
					jsonrpc: '2.0',
					id: 1,
					method: 'GetStatement',
					params: { from: day.fromMs, to: day.toMs }
				})
			});
		} catch (e) {
			throw new StatementError(`cannot reach ${url}: ${(e as Error).message}`);
		}
		if (!response.ok) throw new StatementError(`${url} answered HTTP ${response.status}`);
		return paymeRows(await response.json().catch(() => null));
	}
};

/**
 * The extension point: one entry per operator whose statement can be read. Click, UPay, OSON,
 * Paynet (GetStatement) and Uzum add theirs here, mapping their states to Tok's.
 */
export const STATEMENT_SOURCES: Partial<Record<PaymentOperatorId, StatementSource>> = { payme };

export interface ReconcileReport {
	operator: PaymentOperatorId;
	date: string;
	fromMs: number;
	toMs: number;
	tok: StatementRow[];
	statement: StatementRow[];
	differences: Difference[];
}

/** The day's report; the statement's rows outside the day are left out (a file may hold more). */
export function reconcileDay(
	db: Db,
	operator: PaymentOperatorId,
	day: TashkentDay,
	statement: StatementRow[]
): ReconcileReport {
	const tok = tokStatement(db, operator, day);
	const inDay = statement.filter((r) => r.timeMs >= day.fromMs && r.timeMs <= day.toMs);
	return {
		operator,
		date: day.date,
		fromMs: day.fromMs,
		toMs: day.toMs,
		tok,
		statement: inDay,
		differences: compareStatements(tok, inDay)
	};
}
