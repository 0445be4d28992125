import type Database from 'better-sqlite3';
import type { Db } from '../db';
import type { ReadingSource } from '../db/schema';
import { tashkentToday } from '../../domain/dates';
import {
	emptyIngestReport,
	parseReadingRow,
	type IngestReport,
	type ReadingRejection
} from '../../domain/readings/ingest';
import { whToKwhText } from '../../domain/readings/kwh';
import { reserveVersions } from '../db/version';

/** A reading as it arrived ({meter, date, kwh}, unchecked), with its row number in the request or file. */
export interface IncomingReading {
	row: number;
	reading: unknown;
}

export interface IngestOptions {
	/** 'smart' for the head-end's endpoint, 'import' for an operator's file. */
	source: ReadingSource;
	nowMs: number;
	/** Filled with the accounts whose readings were inserted or corrected, for live pokes. */
	touchedAccounts?: Set<number>;
}

interface Accepted {
	row: number;
	date: string;
	valueWh: number;
}

interface Existing {
	id: number;
	date: string;
	valueWh: number;
	source: ReadingSource;
}

function statements(client: Database.Database) {
	return {
		meter: client.prepare(
			'select id, account_id as accountId, installed_on as installedOn, removed_on as removedOn from meters where serial = ?'
		),
		// The meter's readings from the last one before `from` up to `to`: what the batch's rows
		// are compared with.
		around: client.prepare(
			`select id, date, value_wh as valueWh, source from readings
			 where meter_id = ? and date <= ?
			   and date >= coalesce((select max(date) from readings where meter_id = ? and date < ?), ?)
			 order by date`
		),
		insert: client.prepare(
			'insert into readings (meter_id, date, value_wh, source, estimated, received_at_ms, version) values (?, ?, ?, ?, ?, ?, ?)'
		),
		update: client.prepare(
			'update readings set value_wh = ?, source = ?, estimated = ?, received_at_ms = ?, version = ? where id = ?'
		),
		correction: client.prepare(
			`insert into reading_corrections (reading_id, old_value_wh, new_value_wh, old_source, source, corrected_at_ms)
			 values (?, ?, ?, ?, ?, ?)`
		)
	};
}

const kwh = (wh: number) => `${whToKwhText(wh)} kWh`;

/**
 * Applies a batch of daily readings in one transaction: all of it or, if anything throws,
 * nothing. Per (meter, date) it is idempotent: a value already stored is `unchanged`, a new
 * day is `inserted`, another value for a stored day is `corrected` (the old value goes to
 * reading_corrections). A row that cannot be applied is `rejected` with its reason and the rest
 * still go in:
 *
 * - malformed_row / malformed_date / malformed_number: the row itself is wrong;
 * - future_date: after today in Tashkent;
 * - unknown_meter, meter_not_installed: no such serial, or not installed on that day;
 * - lower_than_previous: below the meter's reading on an earlier day (after this batch's own
 *   earlier rows are applied); a replaced meter has a new serial, so starts again freely;
 * - conflicting_duplicate: the batch gives the same meter and day twice, with two values.
 */
export function ingestReadings(
	db: Db,
	rows: readonly IncomingReading[],
	options: IngestOptions
): IngestReport {
	const { source, nowMs } = options;
	const today = tashkentToday(nowMs);
	const report = emptyIngestReport();
	const reject = (row: number, reason: ReadingRejection, message: string) => {
		report.rejected++;
		report.rejections.push({ row, reason, message });
	};

	const bySerial = new Map<string, Accepted[]>();
	for (const raw of rows) {
		const parsed = parseReadingRow(raw.reading);
		if (!parsed.ok) reject(raw.row, parsed.reason, parsed.message);
		else if (parsed.date > today)
			reject(raw.row, 'future_date', `${parsed.date} is after today (${today} in Tashkent)`);
		else {
			const list = bySerial.get(parsed.meter) ?? [];
			list.push({ row: raw.row, date: parsed.date, valueWh: parsed.valueWh });
			bySerial.set(parsed.meter, list);
		}
	}

	const client = db.$client;
	const s = statements(client);
	const candidates = [...bySerial.values()].reduce((n, list) => n + list.length, 0);
	client
		.transaction(() => {
			// A sync version for every row that may be written; rows left unchanged leave gaps,
			// which pulls do not mind.
			let version = candidates > 0 ? reserveVersions(db, candidates) : 0;
			for (const [serial, list] of bySerial) {
				const meter = s.meter.get(serial) as
					| { id: number; accountId: number; installedOn: string; removedOn: string | null }
					| undefined;
				if (!meter) {
					for (const r of list) reject(r.row, 'unknown_meter', `there is no meter ${serial}`);
					continue;
				}
				// By date, and in arrival order within a day (sort is stable).
				list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
				const first = list[0].date;
				const existing = s.around.all(
					meter.id,
					list[list.length - 1].date,
					meter.id,
					first,
					first
				) as Existing[];
				const stored = new Map(existing.map((e) => [e.date, e]));
				let next = 0; // existing[next] is the first stored reading not before the current row
				let lastAccepted: Accepted | undefined;
				let batchDay: Accepted | undefined; // the first accepted row of the current day
				for (const r of list) {
					if (
						r.date < meter.installedOn ||
						(meter.removedOn !== null && r.date > meter.removedOn)
					) {
						const when = meter.removedOn
							? `from ${meter.installedOn} to ${meter.removedOn}`
							: `from ${meter.installedOn}`;
						reject(
							r.row,
							'meter_not_installed',
							`${serial} was not installed on ${r.date} (installed ${when})`
						);
						continue;
					}
					if (batchDay?.date === r.date) {
						if (batchDay.valueWh === r.valueWh) report.unchanged++;
						else {
							reject(
								r.row,
								'conflicting_duplicate',
								`row ${batchDay.row} already gives ${serial} on ${r.date} as ${kwh(batchDay.valueWh)}`
							);
						}
						continue;
					}
					while (next < existing.length && existing[next].date < r.date) next++;
					// The reading on the latest earlier day: this batch's, or the stored one.
					const storedBefore = next > 0 ? existing[next - 1] : undefined;
					const previous =
						lastAccepted && (!storedBefore || lastAccepted.date >= storedBefore.date)
							? lastAccepted
							: storedBefore;
					if (previous && r.valueWh < previous.valueWh) {
						reject(
							r.row,
							'lower_than_previous',
							`${kwh(r.valueWh)} on ${r.date} is lower than ${kwh(previous.valueWh)} on ${previous.date}`
						);
						continue;
					}
					const same = stored.get(r.date);
					if (!same) {
						s.insert.run(meter.id, r.date, r.valueWh, source, 0, nowMs, version++);
						report.inserted++;
						options.touchedAccounts?.add(meter.accountId);
					} else if (same.valueWh === r.valueWh) {
						report.unchanged++;
					} else {
						s.update.run(r.valueWh, source, 0, nowMs, version++, same.id);
						s.correction.run(same.id, same.valueWh, r.valueWh, same.source, source, nowMs);
						same.valueWh = r.valueWh;
						same.source = source;
						report.corrected++;
						options.touchedAccounts?.add(meter.accountId);
					}
					lastAccepted = r;
					batchDay = r;
				}
			}
		})
		.immediate();
	report.rejections.sort((a, b) => a.row - b.row);
	return report;
}
