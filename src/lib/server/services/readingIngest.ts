import type Database from 'better-sqlite3';
import type { Db } from '../db';
import type { ReadingSource } from '../db/schema';
import { config } from '../config';
import { tashkentToday } from '../../domain/dates';
import {
	emptyIngestReport,
	parseReadingRow,
	type IngestReport,
	type ReadingRejection
} from '../../domain/readings/ingest';
import { whToKwhText } from '../../domain/readings/kwh';
import {
	dailyCeilingKwh,
	usageAboveCeiling,
	type DailyCeilings
} from '../../domain/readings/plausibility';
import { reserveVersions } from '../db/version';
import { inScope, type DistrictScope } from './staffScope';

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
	/** kWh a day per tariff class above which a reading is held; `config.dailyCeilings` by default. */
	ceilings?: DailyCeilings;
	/** An operator's decision on a held reading: the order is still checked, the ceiling is not. */
	skipCeiling?: boolean;
	/** An operator's districts: rows for meters elsewhere are rejected as out_of_district. */
	scope?: DistrictScope;
	/** Told the rows judged so far (parsed and refused, or in a committed chunk) of all rows. */
	onProgress?: (done: number, total: number) => void;
}

/**
 * Readings per write transaction (whole meters, so a meter's rows are judged together). About
 * 20 ms of writing on a small machine: a push from a phone waits at most that long for the lock,
 * and the event loop is free between two chunks.
 */
export const INGEST_CHUNK_ROWS = 2_000;
/** Rows parsed between two yields to the event loop. */
const PARSE_SLICE = 2_000;

/** A row that parsed, before the database has judged it. */
interface IncomingDay {
	row: number;
	date: string;
	valueWh: number;
}

interface StoredReading {
	id: number;
	date: string;
	valueWh: number;
	source: ReadingSource;
}

interface MeterOfSerial {
	id: number;
	accountId: number;
	tariffClass: string;
	districtSoato: string;
	installedOn: string;
	removedOn: string | null;
}

/** One day of a meter's series as it would be after the batch: the incoming value over the stored. */
interface SeriesDay {
	date: string;
	valueWh: number;
	stored?: StoredReading;
	incoming?: IncomingDay;
}

function statements(client: Database.Database) {
	return {
		meterOfSerial: client.prepare(
			`select m.id, m.account_id as accountId, a.tariff_class as tariffClass,
			        a.district_soato as districtSoato, m.installed_on as installedOn, m.removed_on as removedOn
			 from meters m join accounts a on a.id = m.account_id where m.serial = ?`
		),
		// The meter's readings from the last one before `first` to the first one after `last`:
		// the neighbours the batch's rows must fit between.
		neighbours: client.prepare(
			`select id, date, value_wh as valueWh, source from readings
			 where meter_id = @meterId
			   and date >= coalesce((select max(date) from readings where meter_id = @meterId and date < @first), @first)
			   and date <= coalesce((select min(date) from readings where meter_id = @meterId and date > @last), @last)
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
		),
		heldAlready: client
			.prepare(
				`select id from suspect_readings where meter_id = ? and date = ? and value_wh = ? and status = 'held'`
			)
			.pluck(),
		hold: client
			.prepare(
				`insert into suspect_readings (meter_id, date, value_wh, source, reason, detail, received_at_ms)
				 values (?, ?, ?, ?, 'usage_above_ceiling', ?, ?) returning id`
			)
			.pluck()
	};
}

const kwh = (wh: number) => `${whToKwhText(wh)} kWh`;
const byDate = (a: { date: string }, b: { date: string }) =>
	a.date < b.date ? -1 : a.date > b.date ? 1 : 0;

/** The stored neighbours and the batch's days of one meter, as one series by date. */
function mergeSeries(stored: readonly StoredReading[], days: readonly IncomingDay[]): SeriesDay[] {
	const series: SeriesDay[] = [];
	let storedAt = 0;
	for (const incoming of days) {
		while (storedAt < stored.length && stored[storedAt].date < incoming.date) {
			const reading = stored[storedAt++];
			series.push({ date: reading.date, valueWh: reading.valueWh, stored: reading });
		}
		const same = stored[storedAt]?.date === incoming.date ? stored[storedAt++] : undefined;
		series.push({ date: incoming.date, valueWh: incoming.valueWh, stored: same, incoming });
	}
	for (; storedAt < stored.length; storedAt++) {
		const reading = stored[storedAt];
		series.push({ date: reading.date, valueWh: reading.valueWh, stored: reading });
	}
	return series;
}

/**
 * Applies a batch of daily readings. Per (meter, date) it is idempotent: a value already stored
 * is `unchanged`, a new day is `inserted`, another value for a stored day is `corrected` (the old
 * value goes to reading_corrections). A row that cannot be applied is `rejected` with its reason
 * and the rest still go in:
 *
 * - malformed_row / malformed_date / malformed_number: the row itself is wrong;
 * - future_date: after today in Tashkent;
 * - unknown_meter, meter_not_installed: no such serial, or not installed on that day;
 * - lower_than_previous / higher_than_next: the register would run backwards, against the
 *   meter's readings on the days before or after, as they stand once the batch's other rows are
 *   applied (of two batch rows out of order, the later day is refused); a replaced meter has a
 *   new serial, so starts again freely;
 * - conflicting_duplicate: the batch gives the same meter and day twice, with two values.
 *
 * A row in order whose usage since the previous reading is above the daily ceiling of the
 * account's tariff class is not applied but held in suspect_readings (`suspect`), for an
 * operator to accept or correct; sent again, it is the same suspect.
 *
 * Rows are applied a chunk of whole meters (about INGEST_CHUNK_ROWS rows) per transaction, so a
 * large batch never holds the write lock for long; each chunk is all or nothing, and since every
 * row is idempotent a batch cut short is completed by sending it again. The generator yields
 * between chunks (and between slices of parsing) so that a caller can let other work in.
 */
function* ingestSteps(
	db: Db,
	rows: readonly IncomingReading[],
	options: IngestOptions
): Generator<void, IngestReport> {
	const { source, nowMs } = options;
	const ceilings = options.ceilings ?? config.dailyCeilings;
	const today = tashkentToday(nowMs);
	const report = emptyIngestReport();
	const reject = (row: number, reason: ReadingRejection, message: string) => {
		report.rejected++;
		report.rejections.push({ row, reason, message });
	};

	const daysBySerial = new Map<string, IncomingDay[]>();
	for (let sliceStart = 0; sliceStart < rows.length; sliceStart += PARSE_SLICE) {
		const sliceEnd = Math.min(rows.length, sliceStart + PARSE_SLICE);
		for (let index = sliceStart; index < sliceEnd; index++) {
			const raw = rows[index];
			const parsed = parseReadingRow(raw.reading);
			if (!parsed.ok) reject(raw.row, parsed.reason, parsed.message);
			else if (parsed.date > today)
				reject(raw.row, 'future_date', `${parsed.date} is after today (${today} in Tashkent)`);
			else {
				const days = daysBySerial.get(parsed.meter) ?? [];
				days.push({ row: raw.row, date: parsed.date, valueWh: parsed.valueWh });
				daysBySerial.set(parsed.meter, days);
			}
		}
		if (sliceEnd < rows.length) yield;
	}

	const client = db.$client;
	const sql = statements(client);
	// Rows refused while parsing are judged already; the rest count as their chunk commits.
	let judged = rows.length;
	for (const days of daysBySerial.values()) judged -= days.length;
	options.onProgress?.(judged, rows.length);

	/** Judges and writes one meter's rows; `takeVersion` gives the next reserved sync version. */
	const applyMeter = (serial: string, days: IncomingDay[], takeVersion: () => number) => {
		const meter = sql.meterOfSerial.get(serial) as MeterOfSerial | undefined;
		if (!meter) {
			for (const day of days) reject(day.row, 'unknown_meter', `there is no meter ${serial}`);
			return;
		}
		if (options.scope && !inScope(options.scope, meter.districtSoato)) {
			for (const day of days)
				reject(day.row, 'out_of_district', `${serial} is outside your districts`);
			return;
		}
		// By date, and in arrival order within a day (sort is stable); then one row a day.
		days.sort(byDate);
		const distinctDays: IncomingDay[] = [];
		for (const day of days) {
			if (
				day.date < meter.installedOn ||
				(meter.removedOn !== null && day.date > meter.removedOn)
			) {
				const when = meter.removedOn
					? `from ${meter.installedOn} to ${meter.removedOn}`
					: `from ${meter.installedOn}`;
				reject(
					day.row,
					'meter_not_installed',
					`${serial} was not installed on ${day.date} (installed ${when})`
				);
				continue;
			}
			const sameDay = distinctDays.at(-1);
			if (sameDay?.date === day.date) {
				if (sameDay.valueWh === day.valueWh) report.unchanged++;
				else
					reject(
						day.row,
						'conflicting_duplicate',
						`row ${sameDay.row} already gives ${serial} on ${day.date} as ${kwh(sameDay.valueWh)}`
					);
				continue;
			}
			distinctDays.push(day);
		}
		if (distinctDays.length === 0) return;

		const stored = sql.neighbours.all({
			meterId: meter.id,
			first: distinctDays[0].date,
			last: distinctDays[distinctDays.length - 1].date
		}) as StoredReading[];
		const series = mergeSeries(stored, distinctDays);
		const ceilingKwh = options.skipCeiling ? null : dailyCeilingKwh(ceilings, meter.tariffClass);
		const held: Array<{ day: IncomingDay; detail: string }> = [];

		// Each incoming day must fit between its neighbours in the series. One that does not is
		// dropped (the day keeps its stored value, if any) and the day before is looked at again,
		// since its neighbour has changed; every step either moves on or drops a row, so it ends.
		let at = 0;
		while (at < series.length) {
			const day = series[at];
			const incoming = day.incoming;
			if (!incoming) {
				at++;
				continue;
			}
			const before = at > 0 ? series[at - 1] : undefined;
			const after = series[at + 1];
			const aboveCeiling =
				before && ceilingKwh !== null ? usageAboveCeiling(before, day, ceilingKwh) : null;
			if (before && incoming.valueWh < before.valueWh) {
				reject(
					incoming.row,
					'lower_than_previous',
					`${kwh(incoming.valueWh)} on ${day.date} is lower than ${kwh(before.valueWh)} on ${before.date}`
				);
			} else if (after && !after.incoming && incoming.valueWh > after.valueWh) {
				// A later incoming day is judged against this one when its turn comes.
				reject(
					incoming.row,
					'higher_than_next',
					`${kwh(incoming.valueWh)} on ${day.date} is higher than ${kwh(after.valueWh)} on ${after.date}`
				);
			} else if (aboveCeiling) {
				held.push({
					day: incoming,
					detail: `${aboveCeiling} for a ${meter.tariffClass} account`
				});
			} else {
				at++;
				continue;
			}
			if (day.stored) {
				day.valueWh = day.stored.valueWh;
				day.incoming = undefined;
			} else series.splice(at, 1);
			at = Math.max(0, at - 1);
		}

		for (const day of series) {
			const incoming = day.incoming;
			if (!incoming) continue;
			const same = day.stored;
			if (!same) {
				sql.insert.run(meter.id, day.date, incoming.valueWh, source, 0, nowMs, takeVersion());
				report.inserted++;
				options.touchedAccounts?.add(meter.accountId);
			} else if (same.valueWh === incoming.valueWh) {
				report.unchanged++;
			} else {
				sql.update.run(incoming.valueWh, source, 0, nowMs, takeVersion(), same.id);
				sql.correction.run(same.id, same.valueWh, incoming.valueWh, same.source, source, nowMs);
				report.corrected++;
				options.touchedAccounts?.add(meter.accountId);
			}
		}
		for (const { day, detail } of held) {
			const suspectId =
				(sql.heldAlready.get(meter.id, day.date, day.valueWh) as number | undefined) ??
				(sql.hold.get(meter.id, day.date, day.valueWh, source, detail, nowMs) as number);
			report.suspect++;
			report.suspects.push({
				row: day.row,
				reason: 'usage_above_ceiling',
				message: `${detail}; held for an operator to accept or correct`,
				suspectId
			});
		}
	};

	const meters = [...daysBySerial];
	for (let chunkStart = 0; chunkStart < meters.length;) {
		let chunkEnd = chunkStart;
		let chunkRows = 0;
		while (
			chunkEnd < meters.length &&
			(chunkRows === 0 || chunkRows + meters[chunkEnd][1].length <= INGEST_CHUNK_ROWS)
		)
			chunkRows += meters[chunkEnd++][1].length;
		const chunk = meters.slice(chunkStart, chunkEnd);
		client
			.transaction(() => {
				// A sync version for every row that may be written; rows not written leave gaps,
				// which pulls do not mind.
				let version = reserveVersions(db, chunkRows);
				for (const [serial, days] of chunk) applyMeter(serial, days, () => version++);
			})
			.immediate();
		judged += chunkRows;
		options.onProgress?.(judged, rows.length);
		chunkStart = chunkEnd;
		if (chunkStart < meters.length) yield;
	}
	report.rejections.sort((a, b) => a.row - b.row);
	report.suspects.sort((a, b) => a.row - b.row);
	return report;
}

/** Applies a batch at once (the CLI, tests, an operator's decision). See `ingestSteps`. */
export function ingestReadings(
	db: Db,
	rows: readonly IncomingReading[],
	options: IngestOptions
): IngestReport {
	const steps = ingestSteps(db, rows, options);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/**
 * Applies a batch in the server, letting other requests run between chunks: a head-end's
 * 100,000 readings never stall the phones' requests for more than one chunk.
 */
export async function ingestReadingsAsync(
	db: Db,
	rows: readonly IncomingReading[],
	options: IngestOptions
): Promise<IngestReport> {
	const steps = ingestSteps(db, rows, options);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
		await new Promise<void>((resolve) => setImmediate(resolve));
	}
}
