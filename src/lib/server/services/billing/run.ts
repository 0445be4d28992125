import { DomainError } from '../errors';
import type Database from 'better-sqlite3';
import type { Db } from '../../db';
import type { TariffVersion } from '../../../tariff';
import { loadTariffVersions } from '../tariffs';
import { reserveVersions } from '../../db/version';
import { addMonths, lastDayOf, tashkentToday } from '../../../domain/dates';
import { emptyBillingReport, SKIPPED_LISTED, type BillingReport } from '../../../domain/billing';
import { appendLedgerEntries, type NewLedgerEntry } from '../ledger';
import { chunkRater, type RatedChunk } from './ratedChunk';
import { canReadAhead, startReadAhead } from './readAhead';
import { startCheckpointer } from './checkpointer';

export interface BillingOptions {
	/** 'YYYY-MM'; must be over in Tashkent. */
	month: string;
	nowMs: number;
	/** Defaults to the published versions. */
	versions?: readonly TariffVersion[];
	/** Accounts per transaction. */
	chunkSize?: number;
	/**
	 * Read and rate on a second thread while this one writes (`readAhead.ts`), for a database
	 * in a file. `true`: every chunk through that thread. By default: when there are more than
	 * `READ_AHEAD_FROM` accounts, billing on this thread alone until the second one is up.
	 */
	readAhead?: boolean;
	onProgress?: (done: number, total: number) => void;
}

export class BillingMonthOpenError extends DomainError {
	override readonly name = 'BillingMonthOpenError';
	constructor(readonly month: string) {
		super('bad_request', 'error.billing_month_not_over');
	}
}

/** The ledger reference of a month's charge (revision 0) and of its corrections. */
export function billingSourceRef(month: string, revision: number): string {
	return revision === 0 ? `billing:${month}` : `billing:${month}:correction:${revision}`;
}

const CHARGE_ROWS_PER_INSERT = 50;
const CHARGE_COLUMNS =
	'(account_id, month, revision, usage_wh, amount_tiyin, estimated, lines_json, created_at_ms, version)';
// The month and the time are the same on every row of a run: bound once per statement.
const CHARGE_PLACEHOLDERS = '(?, @month, ?, ?, ?, ?, ?, @createdAtMs, ?)';
const CHARGE_WIDTH = 7;
/** Chunks of own sync versions remembered: more than the reader can be ahead by. */
const OWN_VERSIONS_KEPT = 16;

function chargeWriter(client: Database.Database, month: string, createdAtMs: number) {
	const one = client.prepare(`insert into charges ${CHARGE_COLUMNS} values ${CHARGE_PLACEHOLDERS}`);
	const many = client.prepare(
		`insert into charges ${CHARGE_COLUMNS} values ${Array(CHARGE_ROWS_PER_INSERT).fill(CHARGE_PLACEHOLDERS).join(', ')}`
	);
	const width = CHARGE_WIDTH;
	const shared = { month, createdAtMs };
	/** `params` holds whole rows of CHARGE_WIDTH values. */
	return (params: unknown[]) => {
		const rows = params.length / width;
		let row = 0;
		for (; row + CHARGE_ROWS_PER_INSERT <= rows; row += CHARGE_ROWS_PER_INSERT) {
			many.run(params.slice(row * width, (row + CHARGE_ROWS_PER_INSERT) * width), shared);
		}
		for (; row < rows; row++) one.run(params.slice(row * width, (row + 1) * width), shared);
	};
}

/** Below this many accounts a second thread costs more to start than it saves. */
const READ_AHEAD_FROM = 20_000;

/**
 * Bills one month, a chunk of accounts per transaction, yielding after each chunk so that a
 * caller can report progress or let other work in. For every account: the month's usage from
 * its readings (domain/usage/monthlyUsage), rated with the tariff module, compared with the
 * month's latest charge:
 *
 * - none yet → charge revision 0 and a ledger entry of minus its amount (`billing:YYYY-MM`,
 *   dated the first day of the next month, when the month is over);
 * - the same usage, amount and estimate → nothing (re-running a month is safe);
 * - different (a corrected reading, a late reading replacing an estimate) → revision N with the
 *   new figures and a ledger entry of the difference (`billing:YYYY-MM:correction:N`, dated the
 *   day of the run), never a second full charge;
 * - no usage (readings missing, no meter) or no tariff → skipped, with the reason.
 *
 * Each chunk reads the latest charges inside its own write transaction, so two runs of the
 * same month, even from two processes, cannot charge an account twice.
 *
 * With `readAhead`, a second thread reads and rates the next chunks while this one writes. Its
 * reads are a little older than the write transaction, so the transaction first checks that
 * nothing but this run's own writes has taken a sync version since (every write of readings,
 * charges and ledger entries takes one); when something has, it reads and rates the chunk again
 * itself, inside the transaction, as without `readAhead`.
 */
export function* billMonthSteps(
	db: Db,
	options: BillingOptions
): Generator<{ done: number; total: number }, BillingReport> {
	const { month, nowMs } = options;
	if (lastDayOf(month) >= tashkentToday(nowMs)) throw new BillingMonthOpenError(month);
	const versions = options.versions ?? loadTariffVersions(db);
	const chunkSize = options.chunkSize ?? 1000;
	const client = db.$client;
	const rater = chunkRater(client, month, versions);
	const writeCharges = chargeWriter(client, month, nowMs);
	const syncVersion = client.prepare('select version from sync_state where id = 1').pluck();
	const versionNow = () => (syncVersion.get() as number | undefined) ?? 0;
	const report = emptyBillingReport(month);
	const total = (client.prepare('select count(*) as n from accounts').get() as { n: number }).n;
	// A month is charged on the first day of the next, the day it is over.
	const chargeDate = `${addMonths(month, 1)}-01`;
	const today = tashkentToday(nowMs);
	/** The sync versions this run took, [from, to) per chunk, newest last (read-ahead only). */
	const ownVersions: Array<[number, number]> = [];

	/** True when only this run's writes took sync versions since the chunk was read. */
	const stillCurrent = (chunk: RatedChunk, now: number): boolean => {
		// A forgotten chunk of our own only makes this false: the chunk is then read again.
		const since = chunk.readAtVersion;
		let others = now - since;
		for (const [from, to] of ownVersions) if (from >= since) others -= to - from;
		return others === 0;
	};

	const writeChunk = (chunk: RatedChunk) => {
		const latest = rater.charges(chunk.afterId, chunk.lastId);
		report.accounts += chunk.accounts;
		report.estimated += chunk.estimated;
		report.rated += chunk.accountIds.length;
		for (const { accountId, reason, detail } of chunk.skipped) {
			report.skipped++;
			report.skippedByReason[reason] = (report.skippedByReason[reason] ?? 0) + 1;
			if (report.skippedAccounts.length < SKIPPED_LISTED) {
				const accountNumber = rater.accountNumber(accountId);
				report.skippedAccounts.push({ accountNumber, reason, detail });
			}
		}
		const chargeParams: unknown[] = [];
		const entries: NewLedgerEntry[] = [];
		const { accountIds, usageWh, amountTiyin, isEstimated, linesJson } = chunk;
		for (let i = 0; i < accountIds.length; i++) {
			const accountId = accountIds[i];
			const before = latest.get(accountId);
			if (
				before &&
				before.usageWh === usageWh[i] &&
				before.amountTiyin === amountTiyin[i] &&
				before.estimated === (isEstimated[i] === 1)
			) {
				report.unchanged++;
				continue;
			}
			const revision = before ? before.revision + 1 : 0;
			chargeParams.push(
				accountId,
				revision,
				usageWh[i],
				amountTiyin[i],
				isEstimated[i],
				linesJson[i],
				0 // the sync version, given below for the whole chunk at once
			);
			const differenceTiyin = amountTiyin[i] - (before?.amountTiyin ?? 0);
			if (before) {
				report.corrected++;
				report.correctedTiyin += differenceTiyin;
			} else {
				report.charged++;
				report.chargedTiyin += differenceTiyin;
			}
			// A zero-amount month (no usage) or a re-estimate at the same amount has a charge row
			// but moves no money, and the ledger holds only money.
			if (differenceTiyin !== 0) {
				entries.push({
					accountId,
					kind: 'charge',
					amountTiyin: -differenceTiyin,
					date: before ? today : chargeDate,
					sourceRef: billingSourceRef(month, revision),
					createdAtMs: nowMs
				});
			}
		}
		const rows = chargeParams.length / CHARGE_WIDTH;
		if (rows > 0) {
			let version = reserveVersions(db, rows);
			for (let i = CHARGE_WIDTH - 1; i < chargeParams.length; i += CHARGE_WIDTH)
				chargeParams[i] = version++;
		}
		writeCharges(chargeParams);
		appendLedgerEntries(db, entries);
	};

	const billChunk = client.transaction((afterId: number, lastId: number) => {
		writeChunk(rater.rateChunk(afterId, lastId));
	}).immediate;

	const billReadChunk = client.transaction((chunk: RatedChunk) => {
		const from = versionNow();
		writeChunk(stillCurrent(chunk, from) ? chunk : rater.rateChunk(chunk.afterId, chunk.lastId));
		ownVersions.push([from, versionNow()]);
		if (ownVersions.length > OWN_VERSIONS_KEPT) ownVersions.shift();
	}).immediate;

	// A second connection reads beside the writer only in WAL mode, and only to a file.
	const file = client.memory ? '' : client.name;
	const wal = client.pragma('journal_mode', { simple: true }) === 'wal';
	const readAhead =
		(options.readAhead ?? total > READ_AHEAD_FROM) && file !== '' && wal && canReadAhead()
			? startReadAhead({ file, month, versions, chunkSize })
			: null;
	// Two threads keep the writer busy enough that a checkpoint's fsync on it would be a stall.
	const checkpointer = readAhead ? startCheckpointer(client) : null;
	try {
		let afterId = 0;
		let readingAhead = false;
		for (;;) {
			// Until the reader is up, this thread bills on its own; asked for explicitly, it waits.
			if (readAhead && !readingAhead && (options.readAhead === true || readAhead.ready())) {
				readAhead.begin(afterId);
				readingAhead = true;
			}
			if (readingAhead && readAhead) {
				const chunk = readAhead.next();
				if (!chunk) break;
				billReadChunk(chunk);
			} else {
				const lastId = rater.chunkEnd(afterId, chunkSize);
				if (lastId === null) break;
				billChunk(afterId, lastId);
				afterId = lastId;
			}
			options.onProgress?.(report.accounts, total);
			yield { done: report.accounts, total };
		}
	} finally {
		checkpointer?.stop();
		readAhead?.close();
	}
	return report;
}

/** Bills a month in one go (the CLI, the demo seed). */
export function billMonth(db: Db, options: BillingOptions): BillingReport {
	const steps = billMonthSteps(db, options);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/**
 * Bills a month, letting the server's other requests run between chunks: on this thread only,
 * since waiting for a reading thread would block them.
 */
export async function billMonthAsync(db: Db, options: BillingOptions): Promise<BillingReport> {
	const steps = billMonthSteps(db, { ...options, readAhead: false });
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
		await new Promise<void>((resolve) => setImmediate(resolve));
	}
}
