/**
 * Baselines measured in the same run as the benches, so that each bench is judged by a ratio
 * that holds on a slower or faster machine (machines here differ up to 2× between sessions).
 * Each baseline is the plainest form of the work its bench does: raw better-sqlite3 inserts for
 * the billing run, one-row write transactions for sync.push, JSON.stringify for pulls, and plain
 * decimal.js / integer arithmetic for the tariff paths.
 *
 * The targets were first set in absolute terms on a machine doing REFERENCE_RAW_INSERTS_PER_S;
 * each ratio target is that absolute target over the baseline such a machine would measure.
 */
import Database from 'better-sqlite3';
import Decimal from 'decimal.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REFERENCE_RAW_INSERTS_PER_S = 1_350_000;

export const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** "figure / baseline = ratio (target ≥ t) PASS" — one line per judged figure. */
export function judge(
	what: string,
	figure: number,
	unit: string,
	baseline: number,
	baselineUnit: string,
	targetRatio: number
): boolean {
	const ratio = figure / baseline;
	const ok = ratio >= targetRatio;
	console.log(
		`${what}: ${fmt(figure)} ${unit}; baseline ${fmt(baseline)} ${baselineUnit}; ` +
			`ratio ${ratio.toFixed(4)} (target ≥ ${targetRatio.toFixed(4)}) ${ok ? 'PASS' : 'FAIL'}`
	);
	return ok;
}

function scratch<T>(fn: (db: Database.Database) => T): T {
	const dir = mkdtempSync(join(tmpdir(), 'tok-bench-baseline-'));
	const db = new Database(join(dir, 'baseline.sqlite'));
	try {
		db.pragma('journal_mode = WAL');
		db.pragma('synchronous = NORMAL');
		return fn(db);
	} finally {
		db.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

/** The median of a few runs: a shared CPU makes single runs jumpy in both directions. */
const best = (runs: number, measure: () => number) => {
	const sorted = Array.from({ length: runs }, measure).sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
};

/** Rows/s of a prepared one-row insert into a plain table, 500,000 rows in one transaction. */
export function rawInsertsPerSecond(): number {
	return scratch((db) => {
		db.exec('create table t (id integer primary key, a integer not null, b text not null)');
		const insert = db.prepare('insert into t (a, b) values (?, ?)');
		const rows = 500_000;
		const load = db.transaction(() => {
			for (let i = 0; i < rows; i++) insert.run(i, 'x');
		});
		return best(3, () => {
			db.exec('delete from t');
			const started = performance.now();
			load();
			return rows / ((performance.now() - started) / 1000);
		});
	});
}

/** Transactions/s, each inserting one row and committing (WAL, synchronous = NORMAL). */
export function oneRowTransactionsPerSecond(): number {
	return scratch((db) => {
		db.exec('create table t (id integer primary key, a integer not null, b text not null)');
		const insert = db.prepare('insert into t (a, b) values (?, ?)');
		const once = db.transaction((i: number) => insert.run(i, 'x'));
		const count = 20_000;
		return best(3, () => {
			const started = performance.now();
			for (let i = 0; i < count; i++) once(i);
			return count / ((performance.now() - started) / 1000);
		});
	});
}

/** Bytes/s of JSON.stringify over `value` (the pull's own pages, encoded plainly). */
export function jsonBytesPerSecond(value: unknown): number {
	const bytes = Buffer.byteLength(JSON.stringify(value));
	const repeats = Math.max(1, Math.ceil(20_000_000 / bytes));
	return best(3, () => {
		const started = performance.now();
		for (let i = 0; i < repeats; i++) JSON.stringify(value);
		return (bytes * repeats) / ((performance.now() - started) / 1000);
	});
}

/** Plain decimal.js work per second: parse a kWh string, times a price, round to the tiyin. */
export function decimalOpsPerSecond(kwh: readonly string[]): number {
	const price = new Decimal('800');
	return best(3, () => {
		let sink = 0;
		const started = performance.now();
		for (const value of kwh)
			sink += new Decimal(value).times(price).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).e;
		const perSecond = kwh.length / ((performance.now() - started) / 1000);
		return sink === Number.MIN_SAFE_INTEGER ? 0 : perSecond;
	});
}

/** Plain integer work per second: Wh times a price per kWh in tiyin, rounded half-up. */
export function integerOpsPerSecond(wh: Float64Array): number {
	return best(5, () => {
		let sum = 0;
		const started = performance.now();
		for (let i = 0; i < wh.length; i++) sum += Math.floor((wh[i] * 80_000 + 500) / 1000);
		const perSecond = wh.length / ((performance.now() - started) / 1000);
		return sum < 0 ? 0 : perSecond;
	});
}
