import type Database from 'better-sqlite3';
import type { Db } from '../../db';
import type { TariffVersion } from '../../../tariff';
import { loadTariffVersions } from '../tariffs';
import { reserveVersions } from '../../sync/version';
import { addMonths, lastDayOf, tashkentToday } from '../../../domain/dates';
import { monthlyUsage } from '../../../domain/usage/monthlyUsage';
import {
	emptyBillingReport,
	encodeChargeLines,
	SKIPPED_LISTED,
	type BillingReport,
	type BillingSkipReason
} from '../../../domain/billing';
import { appendLedgerEntries, type NewLedgerEntry } from '../ledger';
import { accountMonthReader } from './accountMonths';
import { monthRater } from './rating';

export interface BillingOptions {
	/** 'YYYY-MM'; must be over in Tashkent. */
	month: string;
	nowMs: number;
	/** Defaults to the published versions. */
	versions?: readonly TariffVersion[];
	/** Accounts per transaction. */
	chunkSize?: number;
	onProgress?: (done: number, total: number) => void;
}

export class BillingMonthOpenError extends Error {
	override readonly name = 'BillingMonthOpenError';
	constructor(readonly month: string) {
		super('error.billing_month_not_over');
	}
}

/** The ledger reference of a month's charge (revision 0) and of its corrections. */
export function billingSourceRef(month: string, revision: number): string {
	return revision === 0 ? `billing:${month}` : `billing:${month}:correction:${revision}`;
}

const CHARGE_ROWS_PER_INSERT = 50;
const CHARGE_COLUMNS =
	'(account_id, month, revision, usage_wh, amount_tiyin, estimated, lines_json, created_at_ms, version)';
const CHARGE_PLACEHOLDERS = '(?, ?, ?, ?, ?, ?, ?, ?, ?)';
const CHARGE_WIDTH = 9;

function chargeWriter(client: Database.Database) {
	const one = client.prepare(`insert into charges ${CHARGE_COLUMNS} values ${CHARGE_PLACEHOLDERS}`);
	const many = client.prepare(
		`insert into charges ${CHARGE_COLUMNS} values ${Array(CHARGE_ROWS_PER_INSERT).fill(CHARGE_PLACEHOLDERS).join(', ')}`
	);
	const width = CHARGE_WIDTH;
	/** `params` holds whole rows of CHARGE_WIDTH values. */
	return (params: unknown[]) => {
		const rows = params.length / width;
		let row = 0;
		for (; row + CHARGE_ROWS_PER_INSERT <= rows; row += CHARGE_ROWS_PER_INSERT) {
			many.run(params.slice(row * width, (row + CHARGE_ROWS_PER_INSERT) * width));
		}
		for (; row < rows; row++) one.run(params.slice(row * width, (row + 1) * width));
	};
}

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
	const reader = accountMonthReader(db, month);
	const rate = monthRater(versions, month);
	const writeCharges = chargeWriter(client);
	const report = emptyBillingReport(month);
	const total = (client.prepare('select count(*) as n from accounts').get() as { n: number }).n;
	// A month is charged on the first day of the next, the day it is over.
	const chargeDate = `${addMonths(month, 1)}-01`;
	const today = tashkentToday(nowMs);

	const skip = (accountId: number, reason: BillingSkipReason, detail: string) => {
		report.skipped++;
		report.skippedByReason[reason] = (report.skippedByReason[reason] ?? 0) + 1;
		if (report.skippedAccounts.length < SKIPPED_LISTED) {
			report.skippedAccounts.push({
				accountNumber: reader.accountNumber(accountId),
				reason,
				detail
			});
		}
	};

	const billChunk = client.transaction((afterId: number, lastId: number) => {
		const latest = reader.charges(afterId, lastId);
		const chargeParams: unknown[] = [];
		const entries: NewLedgerEntry[] = [];
		for (const account of reader.accounts(afterId, lastId)) {
			report.accounts++;
			const usage = monthlyUsage(month, account.meters);
			if (!usage.ok) {
				skip(account.accountId, usage.problem, usage.detail);
				continue;
			}
			const rated = rate(account.tariffClass, usage.usageWh);
			if (!rated.ok) {
				skip(account.accountId, rated.reason, rated.detail);
				continue;
			}
			report.rated++;
			if (usage.estimated) report.estimated++;
			const before = latest.get(account.accountId);
			if (
				before &&
				before.usageWh === usage.usageWh &&
				before.amountTiyin === rated.amountTiyin &&
				before.estimated === usage.estimated
			) {
				report.unchanged++;
				continue;
			}
			const revision = before ? before.revision + 1 : 0;
			chargeParams.push(
				account.accountId,
				month,
				revision,
				usage.usageWh,
				rated.amountTiyin,
				usage.estimated ? 1 : 0,
				encodeChargeLines(rated.lines),
				nowMs,
				0 // the sync version, given below for the whole chunk at once
			);
			const differenceTiyin = rated.amountTiyin - (before?.amountTiyin ?? 0);
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
					accountId: account.accountId,
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
	}).immediate;

	let afterId = 0;
	for (;;) {
		const lastId = reader.chunkEnd(afterId, chunkSize);
		if (lastId === null) break;
		billChunk(afterId, lastId);
		afterId = lastId;
		options.onProgress?.(report.accounts, total);
		yield { done: report.accounts, total };
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

/** Bills a month, letting the server's other requests run between chunks. */
export async function billMonthAsync(db: Db, options: BillingOptions): Promise<BillingReport> {
	const steps = billMonthSteps(db, options);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
		await new Promise<void>((resolve) => setImmediate(resolve));
	}
}
