/**
 * The monthly billing run (`billMonth`, as `npm run billing` runs it) on scratch databases of
 * 250,000 and 1,000,000 accounts, each with one smart meter read daily for a month (plus the
 * previous month's last day: 32 readings a meter, 32 million rows at a million accounts).
 * Reports account-months per second and the peak RSS sampled after every chunk, to show that
 * memory stays flat as the accounts grow. The scratch databases live in os.tmpdir() and are
 * deleted afterwards. Generation uses raw multi-row inserts; it is not timed.
 *
 * Judged against raw better-sqlite3 inserts measured just before each run (baseline.ts): the
 * target was 200,000 account-months/s on a machine doing 1.35 M raw inserts/s.
 */
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/lib/server/db';
import { billMonth } from '../../src/lib/server/services/billing/run';
import { verifyLedger } from '../../src/lib/server/services/ledger';
import { ensurePublishedTariffs } from '../../src/lib/server/services/tariffs';
import { judge, rawInsertsPerSecond, REFERENCE_RAW_INSERTS_PER_S } from './baseline';

const SIZES = (process.env.BILLING_BENCH_SIZES ?? '250000,1000000').split(',').map(Number);
const TARGET_RATIO = 200_000 / REFERENCE_RAW_INSERTS_PER_S;
/** "Flat": the larger run's peak RSS within this much of the smaller one's. */
const FLAT_MARGIN_MB = 64;
const MONTH = '2026-10';
const DAYS = [
	'2026-09-30',
	...Array.from({ length: 31 }, (_, i) => `2026-10-${String(i + 1).padStart(2, '0')}`)
];
const NOW = Date.parse('2026-11-05T06:00:00Z');

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function generate(file: string, accounts: number): void {
	const db = openDatabase(file);
	const sqlite = db.$client;
	// A scratch database: no journal while loading, WAL again for the timed run.
	sqlite.pragma('journal_mode = OFF');
	sqlite.pragma('synchronous = OFF');
	// Readings are written before their meter's batch of 100; every id exists by the commit.
	sqlite.pragma('foreign_keys = OFF');
	sqlite.exec(`insert into regions values ('1726', 'Toshkent', 'Тошкент', 'Ташкент');
		insert into districts values ('1726264', '1726', 'tuman', 'Yunusobod', 'Юнусобод', 'Юнусабад')`);
	const perStatement = 100;
	const insertAccounts = sqlite.prepare(
		`insert into accounts (id, number, district_soato, holder_name, address, phone, tariff_class, balance_tiyin, created_at_ms) values ${Array(
			perStatement
		)
			.fill(`(?, ?, '1726264', 'Bench', 'Bench street', '+998900000000', ?, 0, 0)`)
			.join(', ')}`
	);
	const insertMeters = sqlite.prepare(
		`insert into meters (id, account_id, serial, type, installed_on) values ${Array(perStatement)
			.fill(`(?, ?, ?, 'smart', '2025-01-01')`)
			.join(', ')}`
	);
	const insertReadings = sqlite.prepare(
		`insert into readings (meter_id, date, value_wh, source, estimated, received_at_ms) values ${DAYS.map(
			() => `(?, ?, ?, 'smart', 0, 0)`
		).join(', ')}`
	);
	let seed = 20261101;
	const random = () => {
		seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
		return seed / 4294967296;
	};
	const load = sqlite.transaction((from: number, to: number) => {
		const accountParams: unknown[] = [];
		const meterParams: unknown[] = [];
		const readingParams: unknown[] = new Array(DAYS.length * 3);
		for (let id = from; id < to; id++) {
			accountParams.push(id, String(1_000_000_000 + id), id % 7 === 0 ? 'stove' : 'household');
			meterParams.push(id, id, `BM${id}`);
			if (accountParams.length === perStatement * 3) {
				insertAccounts.run(accountParams);
				insertMeters.run(meterParams);
				accountParams.length = 0;
				meterParams.length = 0;
			}
			// 2–40 kWh a day; every 200th home uses ten times that.
			const base = (id % 200 === 0 ? 10 : 1) * (2000 + random() * 38_000);
			let value = Math.floor(random() * 50_000_000);
			for (let d = 0; d < DAYS.length; d++) {
				if (d > 0) value += Math.round(base * (0.5 + random()));
				readingParams[d * 3] = id;
				readingParams[d * 3 + 1] = DAYS[d];
				readingParams[d * 3 + 2] = value;
			}
			insertReadings.run(readingParams);
		}
	});
	const batch = 10_000;
	for (let from = 1; from <= accounts; from += batch)
		load(from, Math.min(accounts + 1, from + batch));
	sqlite.pragma('journal_mode = WAL');
	sqlite.close();
	// Loaded without a journal, the file is still mostly dirty pages in the OS cache; flushing
	// them here keeps the timed run from paying for the generator's writes (a real database's
	// pages are on disk already).
	const fd = openSync(file, 'r+');
	fsyncSync(fd);
	closeSync(fd);
}

interface Figures {
	accounts: number;
	seconds: number;
	perSecond: number;
	rssBeforeMb: number;
	peakRssMb: number;
	fast: boolean;
	ok: boolean;
}

function bench(accounts: number): Figures {
	const dir = mkdtempSync(join(tmpdir(), 'tok-bench-billing-'));
	try {
		const file = join(dir, 'tok.sqlite');
		let started = performance.now();
		generate(file, accounts);
		console.log(
			`billing ${fmt(accounts)} accounts: generated ${fmt(accounts * DAYS.length)} readings in ` +
				`${((performance.now() - started) / 1000).toFixed(1)} s (${mb(statSync(file).size)} MB)`
		);

		const rawPerSecond = rawInsertsPerSecond();
		const db = openDatabase(file);
		ensurePublishedTariffs(db, NOW);
		const rssBefore = process.memoryUsage().rss;
		let peak = rssBefore;
		started = performance.now();
		const report = billMonth(db, {
			month: MONTH,
			nowMs: NOW,
			onProgress: () => {
				peak = Math.max(peak, process.memoryUsage().rss);
			}
		});
		const seconds = (performance.now() - started) / 1000;
		peak = Math.max(peak, process.memoryUsage().rss);
		// A second run of the same month finds every charge unchanged and writes nothing.
		started = performance.now();
		const again = billMonth(db, { month: MONTH, nowMs: NOW });
		const rerunSeconds = (performance.now() - started) / 1000;
		const verified = verifyLedger(db);
		db.$client.close();
		const ok =
			report.charged === accounts &&
			report.skipped === 0 &&
			again.unchanged === accounts &&
			verified.mismatches.length === 0;
		const perSecond = accounts / seconds;
		const fast = judge(
			`billing ${fmt(accounts)} accounts, ${seconds.toFixed(2)} s`,
			perSecond,
			'account-months/s',
			rawPerSecond,
			'raw inserts/s',
			TARGET_RATIO
		);
		console.log(
			`billing ${fmt(accounts)} accounts: RSS ${mb(rssBefore)} MB before, peak ${mb(peak)} MB; ` +
				`${fmt(report.charged)} charged, ledger ${verified.mismatches.length === 0 ? 'verified' : 'MISMATCH'}`
		);
		console.log(
			`billing ${fmt(accounts)} accounts, billed again: ${rerunSeconds.toFixed(2)} s, ` +
				`${fmt(accounts / rerunSeconds)} account-months/s, ratio ` +
				`${(accounts / rerunSeconds / rawPerSecond).toFixed(4)} to raw inserts, ${fmt(again.unchanged)} unchanged`
		);
		return {
			accounts,
			seconds,
			perSecond,
			rssBeforeMb: mb(rssBefore),
			peakRssMb: mb(peak),
			fast,
			ok
		};
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

export async function run(): Promise<boolean> {
	const figures = SIZES.map(bench);
	const [small, large] = [figures[0], figures[figures.length - 1]];
	const flat = large.peakRssMb - small.peakRssMb <= FLAT_MARGIN_MB;
	console.log(
		`billing memory: peak RSS ${small.peakRssMb} MB at ${fmt(small.accounts)} accounts, ` +
			`${large.peakRssMb} MB at ${fmt(large.accounts)} (flat within ${FLAT_MARGIN_MB} MB: ${flat ? 'PASS' : 'FAIL'})`
	);
	return flat && figures.every((f) => f.fast && f.ok);
}
