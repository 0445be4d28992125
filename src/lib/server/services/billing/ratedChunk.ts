import type Database from 'better-sqlite3';
import type { TariffVersion } from '../../../tariff';
import type { BillingSkipReason } from '../../../domain/billing';
import { monthlyUsage } from '../../../domain/usage/monthlyUsage';
import { accountMonthReader } from './accountMonths';
import { monthRater } from './rating';
import { config } from '../../config';
import { daysInMonth } from '../../../domain/dates';
import { whToKwhText } from '../../../domain/readings/kwh';
import {
	dailyCeilingKwh,
	monthCeilingWh,
	type DailyCeilings
} from '../../../domain/readings/plausibility';

/**
 * A chunk of accounts (ids in (afterId, lastId]) read and rated, not yet compared with their
 * charges: what the billing run's write transaction needs, in plain arrays so that it can cross
 * from the reading thread to the writing one (structured clone) cheaply.
 */
export interface RatedChunk {
	afterId: number;
	lastId: number;
	/** The sync version the reads saw (`sync_state`), to tell whether anything moved since. */
	readAtVersion: number;
	accounts: number;
	/** Months rated with an interpolated edge reading. */
	estimated: number;
	/** The rated accounts, in id order, one index across the five arrays (typed: a copy of
	 * their bytes is all that posting them to another thread costs). */
	accountIds: Float64Array;
	usageWh: Float64Array;
	amountTiyin: Float64Array;
	/** 1 when the month was estimated. */
	isEstimated: Uint8Array;
	/** The block lines, `encodeChargeLines`'s JSON. */
	linesJson: string[];
	skipped: Array<{ accountId: number; reason: BillingSkipReason; detail: string }>;
}

const EMPTY_F64 = new Float64Array(0);
const EMPTY_U8 = new Uint8Array(0);

/**
 * Reads and rates a month a chunk of accounts at a time, on any connection to the database:
 * the usage from the readings (domain/usage/monthlyUsage) rated with the tariff module
 * (`rating.ts`). Reads only; a chunk is read in one transaction, so it sees one state of the
 * database, and says which (`readAtVersion`).
 */
export function chunkRater(
	client: Database.Database,
	month: string,
	versions: readonly TariffVersion[],
	ceilings: DailyCeilings = config.dailyCeilings
) {
	const reader = accountMonthReader(client, month);
	const days = daysInMonth(month);
	const rate = monthRater(versions, month);
	const version = client.prepare('select version from sync_state where id = 1').pluck();

	const rateChunk = (afterId: number, lastId: number): RatedChunk => {
		const accountIds: number[] = [];
		const usageWh: number[] = [];
		const amountTiyin: number[] = [];
		const isEstimated: number[] = [];
		const chunk: RatedChunk = {
			afterId,
			lastId,
			readAtVersion: (version.get() as number | undefined) ?? 0,
			accounts: 0,
			estimated: 0,
			accountIds: EMPTY_F64,
			usageWh: EMPTY_F64,
			amountTiyin: EMPTY_F64,
			isEstimated: EMPTY_U8,
			linesJson: [],
			skipped: []
		};
		for (const account of reader.accounts(afterId, lastId)) {
			chunk.accounts++;
			const usage =
				account.wholeMonthWh === null
					? monthlyUsage(month, account.meters)
					: { ok: true as const, usageWh: account.wholeMonthWh, estimated: false };
			if (!usage.ok) {
				chunk.skipped.push({
					accountId: account.accountId,
					reason: usage.problem,
					detail: usage.detail
				});
				continue;
			}
			// A month beyond what the meter can count at its daily ceiling is a bad reading, not a
			// bill: it waits for an operator to look at the readings.
			const ceilingKwh = dailyCeilingKwh(ceilings, account.tariffClass);
			if (usage.usageWh > monthCeilingWh(ceilingKwh, days)) {
				chunk.skipped.push({
					accountId: account.accountId,
					reason: 'usage_above_ceiling',
					detail: `${whToKwhText(usage.usageWh)} kWh in ${month} is above the ceiling of ${ceilingKwh} kWh a day; check the meter's readings`
				});
				continue;
			}
			const rated = rate(account.tariffClass, usage.usageWh);
			if (!rated.ok) {
				chunk.skipped.push({
					accountId: account.accountId,
					reason: rated.reason,
					detail: rated.detail
				});
				continue;
			}
			if (usage.estimated) chunk.estimated++;
			accountIds.push(account.accountId);
			usageWh.push(usage.usageWh);
			amountTiyin.push(rated.amountTiyin);
			isEstimated.push(usage.estimated ? 1 : 0);
			chunk.linesJson.push(rated.linesJson);
		}
		chunk.accountIds = Float64Array.from(accountIds);
		chunk.usageWh = Float64Array.from(usageWh);
		chunk.amountTiyin = Float64Array.from(amountTiyin);
		chunk.isEstimated = Uint8Array.from(isEstimated);
		return chunk;
	};

	return {
		/** The id of the last account of the chunk after `afterId`, or null when none is left. */
		chunkEnd: reader.chunkEnd,
		/** Reads and rates accounts in (afterId, lastId]; call inside a transaction. */
		rateChunk,
		/** Reads and rates the next chunk of up to `size` accounts in one read transaction. */
		next: client.transaction((afterId: number, size: number): RatedChunk | null => {
			const lastId = reader.chunkEnd(afterId, size);
			return lastId === null ? null : rateChunk(afterId, lastId);
		}),
		accountNumber: reader.accountNumber,
		charges: reader.charges
	};
}
