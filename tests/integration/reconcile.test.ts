import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../src/lib/server/db';
import {
	cancelTransaction,
	createTransaction,
	performTransaction
} from '../../src/lib/server/services/payments/transactions';
import { tempDb } from './helpers/testDb';
import { anAccount } from './helpers/builders';
import { startBuiltServer } from './helpers/builtServer';
import { reconcileCommand } from '../../src/lib/server/cli/reconcileCommand';

// `npm run payments:reconcile` as an operator's accountant runs it: the CLI over a real SQLite
// file, a statement file in Payme's GetStatement format, and (without a file) the running
// server's GetStatement standing in for Payme.

let db: Db;
let dir: string;
let cleanup: () => void;
let account: string;
const DAY_START = Date.parse('2026-11-01T00:00:00+05:00');
const DAY_END = Date.parse('2026-11-02T00:00:00+05:00') - 1;
const AMOUNT = 5_000_000;

function pay(id: string, timeMs: number, then: 'perform' | 'cancel' | 'refund' | null) {
	const nowMs = timeMs + 1000;
	createTransaction(db, {
		operator: 'payme',
		operatorTxId: id,
		operatorTimeMs: timeMs,
		nowMs,
		accountNumber: account,
		amountTiyin: AMOUNT
	});
	if (then === 'perform' || then === 'refund')
		performTransaction(db, { operator: 'payme', operatorTxId: id, nowMs });
	if (then === 'cancel' || then === 'refund')
		cancelTransaction(db, { operator: 'payme', operatorTxId: id, reason: 5, nowMs });
}

beforeAll(() => {
	const t = tempDb();
	({ db, dir, cleanup } = t);
	account = anAccount(db).number;
	pay('first-of-the-day', DAY_START, 'perform');
	pay('pending', DAY_START + 3_600_000, null);
	pay('cancelled', DAY_START + 7_200_000, 'cancel');
	pay('refunded', DAY_START + 10_800_000, 'refund');
	pay('last-of-the-day', DAY_END, 'perform');
	// Outside the Tashkent day on both ends: never listed.
	pay('day-before', DAY_START - 1, 'perform');
	pay('day-after', DAY_END + 1, 'perform');
});
afterAll(() => cleanup());

interface Row {
	id: string;
	time: number;
	amount: number;
	state: number;
	account?: { account: string };
}
/** Payme's GetStatement answer for the day as Tok recorded it. */
function statement(): Row[] {
	return [
		['first-of-the-day', DAY_START, 2],
		['pending', DAY_START + 3_600_000, 1],
		['cancelled', DAY_START + 7_200_000, -1],
		['refunded', DAY_START + 10_800_000, -2],
		['last-of-the-day', DAY_END, 2]
	].map(([id, time, state]) => ({
		id: id as string,
		time: time as number,
		amount: AMOUNT,
		account: { account },
		state: state as number
	}));
}
let fileSeq = 0;
function statementFile(rows: unknown): string {
	const file = join(dir, `statement-${++fileSeq}.json`);
	writeFileSync(
		file,
		typeof rows === 'string'
			? rows
			: JSON.stringify({ jsonrpc: '2.0', id: 1, result: { transactions: rows } })
	);
	return file;
}

/** The command in-process (fast); `reconcileCli` runs the npm script's file as a process. */
async function reconcile(args: string[], env: Record<string, string> = {}) {
	const saved = { DATA_DIR: process.env.DATA_DIR, PAYME_KEY: process.env.PAYME_KEY };
	Object.assign(process.env, { DATA_DIR: dir, ...env });
	const out: string[] = [];
	const err: string[] = [];
	try {
		const status = await reconcileCommand(args, {
			log: (l) => out.push(`${l}\n`),
			error: (l) => err.push(`${l}\n`)
		});
		return { status, stdout: out.join(''), stderr: err.join('') };
	} finally {
		for (const [k, v] of Object.entries(saved))
			if (v === undefined) delete process.env[k];
			else process.env[k] = v;
	}
}
function reconcileCli(args: string[]) {
	const run = spawnSync(
		process.execPath,
		['--import', 'tsx', 'src/lib/server/cli/reconcile.ts', ...args],
		{ env: { ...process.env, DATA_DIR: dir }, encoding: 'utf8' }
	);
	return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
const json = (out: { stdout: string }) =>
	JSON.parse(out.stdout) as {
		tok: Array<{ id: string }>;
		statement: Array<{ id: string }>;
		differences: Array<{ kind: string; id: string; tok: unknown; operator: unknown }>;
	};

describe('payments:reconcile', () => {
	it('exits 0 and says so when the statement matches the day, ignoring other days', async () => {
		const rows = [
			...statement(),
			{ id: 'day-after', time: DAY_END + 1, amount: AMOUNT, state: 2, account: { account } }
		];
		const file = statementFile(rows);
		const text = await reconcile([
			'--operator',
			'payme',
			'--date',
			'2026-11-01',
			'--statement',
			file
		]);
		expect(text.stderr).toBe('');
		expect(text.stdout).toContain('Both sides agree.');
		expect(text.stdout).toContain("5 transactions, 250,000.00 so'm");
		expect(text.status).toBe(0);
		const out = await reconcile([
			'--operator',
			'payme',
			'--date',
			'2026-11-01',
			'--statement',
			file,
			'--json'
		]);
		expect(out.status).toBe(0);
		const report = json(out);
		expect(report.tok.map((r) => r.id)).toEqual([
			'first-of-the-day',
			'pending',
			'cancelled',
			'refunded',
			'last-of-the-day'
		]);
		expect(report.statement).toEqual(report.tok);
		expect(report.differences).toEqual([]);
	});

	it('flags every difference and exits 1: missing on either side, amount, state, account', async () => {
		const rows = statement();
		rows.splice(1, 1); // Payme has no "pending"
		rows[0].amount = AMOUNT - 100; // first-of-the-day
		rows[1].state = 2; // "cancelled" performed at Payme
		rows[2].account = { account: '1726009999' }; // refunded, another account
		rows.push({ id: 'only-at-payme', time: DAY_START + 60_000, amount: AMOUNT, state: 2 });
		const out = await reconcile([
			'--operator',
			'payme',
			'--date',
			'2026-11-01',
			'--statement',
			statementFile(rows),
			'--json'
		]);
		expect(out.status).toBe(1);
		expect(json(out).differences.map((d) => [d.kind, d.id])).toEqual([
			['amount_differs', 'first-of-the-day'],
			['missing_in_tok', 'only-at-payme'],
			['missing_at_operator', 'pending'],
			['state_differs', 'cancelled'],
			['account_differs', 'refunded']
		]);
		const missing = json(out).differences.find((d) => d.id === 'only-at-payme')!;
		expect(missing.tok).toBeNull();
		expect(missing.operator).toMatchObject({ amountTiyin: AMOUNT, state: 2, account: null });
		const text = await reconcile([
			'--operator',
			'payme',
			'--date',
			'2026-11-01',
			'--statement',
			statementFile(rows)
		]);
		expect(text.status).toBe(1);
		expect(text.stdout).toContain('5 difference(s)');
		expect(text.stdout).toMatch(/state_differs\s+cancelled\s+Tok: 50,000\.00 so'm, state -1/);
	});

	it('an empty day with an empty statement agrees; an empty statement for a busy day does not', async () => {
		const empty = statementFile([]);
		expect(
			(await reconcile(['--operator', 'payme', '--date', '2026-10-15', '--statement', empty]))
				.status
		).toBe(0);
		const out = await reconcile([
			'--operator',
			'payme',
			'--date',
			'2026-11-01',
			'--statement',
			empty,
			'--json'
		]);
		expect(out.status).toBe(1);
		expect(json(out).differences.map((d) => d.kind)).toEqual(Array(5).fill('missing_at_operator'));
	});

	it('exits 2 with a clear message for bad arguments or an unreadable statement', async () => {
		const good = statementFile(statement());
		const cases: Array<[string[], RegExp]> = [
			[[], /--operator is missing/],
			[['--operator', 'paypal', '--date', '2026-11-01'], /"paypal" is not a payment operator/],
			[
				['--operator', 'click', '--date', '2026-11-01', '--statement', good],
				/click's statements cannot be read yet \(only: payme\)/
			],
			[['--operator', 'payme'], /--date is missing/],
			[['--operator', 'payme', '--date', '2026-02-29'], /"2026-02-29" is not a calendar day/],
			[['--operator', 'payme', '--date', '01.11.2026'], /not a calendar day/],
			[
				['--operator', 'payme', '--date', '2026-11-01', '--statement', join(dir, 'nope.json')],
				/No statement file/
			],
			[
				['--operator', 'payme', '--date', '2026-11-01', '--statement', statementFile('{"result":')],
				/not JSON/
			],
			[
				[
					'--operator',
					'payme',
					'--date',
					'2026-11-01',
					'--statement',
					statementFile('{"error":{"code":-32504}}')
				],
				/JSON-RPC error/
			],
			[
				[
					'--operator',
					'payme',
					'--date',
					'2026-11-01',
					'--statement',
					statementFile([{ id: 'x', time: 1, amount: 1.5, state: 2 }])
				],
				/transactions\[0\]\.amount is not tiyin/
			],
			[
				[
					'--operator',
					'payme',
					'--date',
					'2026-11-01',
					'--statement',
					statementFile([{ id: 'x', time: 1, amount: 1, state: 3 }])
				],
				/transactions\[0\]\.state/
			],
			[
				['--operator', 'payme', '--date', '2026-11-01', '--url', 'http://127.0.0.1:9'],
				/cannot reach/
			],
			[['--operator', 'payme', '--date', '2026-11-01', '--bogus'], /Unknown option/]
		];
		for (const [args, message] of cases) {
			const out = await reconcile(args);
			expect(out.stderr, args.join(' ')).toMatch(message);
			expect(out.stderr).toContain('Usage: npm run payments:reconcile');
			expect(out.status, args.join(' ')).toBe(2);
			expect(out.stdout).toBe('');
		}
	});

	it('as an npm script: prints, and exits with the status (0 agree, 1 differ, 2 bad arguments)', () => {
		const good = reconcileCli([
			'--operator',
			'payme',
			'--date',
			'2026-11-01',
			'--statement',
			statementFile(statement())
		]);
		expect(good.stdout).toContain('Both sides agree.');
		expect(good.status).toBe(0);
		const differ = reconcileCli([
			'--operator',
			'payme',
			'--date',
			'2026-11-01',
			'--statement',
			statementFile([])
		]);
		expect(differ.stdout).toContain('5 difference(s)');
		expect(differ.status).toBe(1);
		const bad = reconcileCli(['--operator', 'payme']);
		expect(bad.stderr).toMatch(/--date is missing/);
		expect(bad.status).toBe(2);
	}, 60_000);

	it("without --statement, reads the running server's GetStatement (the demo's stand-in for Payme)", async () => {
		const KEY = 'reconcile-key-3f9a';
		const server = await startBuiltServer(dir, { PAYME_KEY: KEY });
		try {
			const ok = await reconcile(
				['--operator', 'payme', '--date', '2026-11-01', '--url', server.baseURL, '--json'],
				{
					PAYME_KEY: KEY
				}
			);
			expect(ok.stderr).toBe('');
			expect(ok.status).toBe(0);
			expect(json(ok).statement.map((r) => r.id)).toEqual(json(ok).tok.map((r) => r.id));
			expect(json(ok).tok).toHaveLength(5);
			// A wrong key is Payme's -32504, which is no statement.
			const refused = await reconcile(
				['--operator', 'payme', '--date', '2026-11-01', '--url', server.baseURL],
				{
					PAYME_KEY: 'wrong'
				}
			);
			expect(refused.status).toBe(2);
			expect(refused.stderr).toMatch(/JSON-RPC error: .*-32504/);
		} finally {
			await server.stop();
		}
	}, 60_000);
});
