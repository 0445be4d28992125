import type Database from 'better-sqlite3';
import {
	meterWindow,
	monthEdges,
	type MeterHistory,
	type MeterReading
} from '../../../domain/usage/monthlyUsage';

/** One account as the billing run sees a month of it. */
export interface AccountMonth {
	accountId: number;
	tariffClass: string;
	/** The meters installed during the month, with the readings nearest each edge of their window. */
	meters: MeterHistory[];
	/**
	 * The month's usage when one meter read the whole month, on both of its edges, and did not
	 * go down: what `monthlyUsage` gives then, without building `meters` (left empty). The
	 * common case, by far; anything else goes through `monthlyUsage`.
	 */
	wholeMonthWh: number | null;
}

/** The account's latest charge for the month. */
export interface ChargedMonth {
	revision: number;
	usageWh: number;
	amountTiyin: number;
	estimated: boolean;
}

// The reading on each edge of the meter's window, or null; the dates are the window's own.
type EdgeRow = [
	accountId: number,
	tariffClass: string,
	serial: string | null,
	installedOn: string | null,
	removedOn: string | null,
	meterId: number | null,
	fromWh: number | null,
	toWh: number | null
];

/**
 * Reads accounts a chunk at a time, in id order, each with the readings that decide its month:
 * one query per chunk joins every meter of the month to its readings on the two edges of its
 * window (index look-ups on readings(meter_id, date)); only a missing edge costs two more
 * look-ups, for the nearest readings either side. Memory is one chunk, whatever the number of
 * accounts.
 */
export function accountMonthReader(client: Database.Database, month: string) {
	const { previousEnd, end } = monthEdges(month);
	const range = client.prepare(
		'select max(id) as last from (select id from accounts where id > ? order by id limit ?) c'
	);
	// The window of a meter, as meterWindow() computes it: from its installation day or the previous
	// month's end, to its removal day or the month's end.
	const edges = client
		.prepare(
			`select a.id, a.tariff_class, m.serial, m.installed_on, m.removed_on, m.id, f.value_wh, t.value_wh
			 from accounts a
			 left join meters m on m.account_id = a.id and m.installed_on <= @end
			   and (m.removed_on is null or m.removed_on > @previousEnd)
			 left join readings f on f.meter_id = m.id
			   and f.date = case when m.installed_on > @previousEnd then m.installed_on else @previousEnd end
			 left join readings t on t.meter_id = m.id
			   and t.date = case when m.removed_on is not null and m.removed_on < @end then m.removed_on else @end end
			 where a.id > @after and a.id <= @last
			 order by a.id`
		)
		.raw(true);
	const nearestBefore = client.prepare(
		'select date, value_wh as valueWh from readings where meter_id = ? and date < ? order by date desc limit 1'
	);
	const nearestAfter = client.prepare(
		'select date, value_wh as valueWh from readings where meter_id = ? and date > ? order by date limit 1'
	);
	const charged = client
		.prepare(
			`select account_id, revision, usage_wh, amount_tiyin, estimated from charges
			 where account_id > ? and account_id <= ? and month = ?`
		)
		.raw(true);

	function around(meterId: number, date: string, into: MeterReading[]): void {
		const before = nearestBefore.get(meterId, date) as MeterReading | undefined;
		const after = nearestAfter.get(meterId, date) as MeterReading | undefined;
		if (before) into.push(before);
		if (after) into.push(after);
	}

	function historyOf(row: EdgeRow): MeterHistory {
		const [, , serial, installedOn, removedOn, meterId, fromWh, toWh] = row;
		const meter = { serial: serial as string, installedOn: installedOn as string, removedOn };
		// Never null: the query keeps only meters installed during the month.
		const window = meterWindow(meter, month) as NonNullable<ReturnType<typeof meterWindow>>;
		const readings: MeterReading[] = [];
		if (fromWh !== null) readings.push({ date: window.from, valueWh: fromWh });
		if (toWh !== null && window.to !== window.from)
			readings.push({ date: window.to, valueWh: toWh });
		// An installation or removal day needs its own reading; only the month's edges interpolate.
		const missingFrom = fromWh === null && !window.fromInstall;
		const missingTo = toWh === null && !window.toRemoval;
		if (missingFrom || missingTo) {
			if (missingFrom) around(meterId as number, window.from, readings);
			if (missingTo) around(meterId as number, window.to, readings);
			readings.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
			for (let i = readings.length - 1; i > 0; i--)
				if (readings[i].date === readings[i - 1].date) readings.splice(i, 1);
		}
		return { ...meter, readings };
	}

	const number = client.prepare('select number from accounts where id = ?').pluck();

	return {
		/** An account's number, for the report (looked up only for the few that are skipped). */
		accountNumber(accountId: number): string {
			return number.get(accountId) as string;
		},
		/** The id of the last account of the chunk after `afterId`, or null when none is left. */
		chunkEnd(afterId: number, size: number): number | null {
			return (range.get(afterId, size) as { last: number | null }).last;
		},
		/** Accounts with ids in (afterId, lastId], in id order. */
		accounts(afterId: number, lastId: number): AccountMonth[] {
			const rows = edges.all({ after: afterId, last: lastId, previousEnd, end }) as EdgeRow[];
			const out: AccountMonth[] = [];
			let current: AccountMonth | undefined;
			for (let i = 0; i < rows.length; i++) {
				const row = rows[i];
				if (current?.accountId !== row[0]) {
					current = { accountId: row[0], tariffClass: row[1], meters: [], wholeMonthWh: null };
					out.push(current);
					const [, , serial, installedOn, removedOn, , fromWh, toWh] = row;
					if (
						serial !== null &&
						rows[i + 1]?.[0] !== row[0] &&
						(installedOn as string) < previousEnd &&
						(removedOn === null || removedOn > end) &&
						fromWh !== null &&
						toWh !== null &&
						toWh >= fromWh
					) {
						current.wholeMonthWh = toWh - fromWh;
						continue;
					}
				}
				if (row[2] !== null) current.meters.push(historyOf(row));
			}
			return out;
		},
		/** The latest charge of each account in (afterId, lastId] for the month. */
		charges(afterId: number, lastId: number): Map<number, ChargedMonth> {
			const latest = new Map<number, ChargedMonth>();
			for (const [accountId, revision, usageWh, amountTiyin, estimated] of charged.all(
				afterId,
				lastId,
				month
			) as Array<[number, number, number, number, number]>) {
				const seen = latest.get(accountId);
				if (!seen || seen.revision < revision) {
					latest.set(accountId, { revision, usageWh, amountTiyin, estimated: estimated === 1 });
				}
			}
			return latest;
		}
	};
}
