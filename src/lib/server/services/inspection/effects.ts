import type { Db } from '../../db';
import type { CommandPayload } from '../../../domain/sync/commands';
import type { ReadingRejection } from '../../../domain/readings/ingest';
import { tashkentDayStartMs, visitDay } from '../../../domain/inspection/visitDay';
import { ingestReadings } from '../readingIngest';
import { markRequestDoneByVisit } from '../requests';
import type { Conflict, OrderAtResult } from './conflicts';

/**
 * A reading of the visit the ingest rules refused (the register would run backwards, or the
 * meter was not installed that day): the result cannot apply as it stands.
 */
export class VisitReadingRefused extends Error {
	constructor(
		readonly serial: string,
		readonly day: string,
		readonly kwh: string,
		readonly rejection: ReadingRejection,
		readonly why: string
	) {
		super(`${serial} ${kwh} kWh on ${day}: ${why}`);
	}
}

export interface AppliedEffects {
	/** The visit's reading(s) held above the daily ceiling, waiting for an operator. */
	heldReadings: number;
	requestId: string | null;
}

interface MeterRecord {
	id: number;
	serial: string;
	type: 'smart' | 'manual';
	sealNumber: string | null;
	installedOn: string;
}

/** One reading through the same rules as the head-end's and the operators' files. */
function ingestVisitReading(db: Db, serial: string, day: string, kwh: string, nowMs: number) {
	const report = ingestReadings(db, [{ row: 1, reading: { meter: serial, date: day, kwh } }], {
		source: 'inspector',
		nowMs
	});
	const refused = report.rejections[0];
	if (refused) throw new VisitReadingRefused(serial, day, kwh, refused.reason, refused.message);
	return report.suspect;
}

function removeSeals(db: Db, meter: MeterRecord, removedSeal: string | null, nowMs: number) {
	const client = db.$client;
	// A seal from before the seals table gets its row now, so that its number stays taken.
	if (meter.sealNumber !== null)
		client
			.prepare('insert or ignore into seals (number, meter_id, installed_at_ms) values (?, ?, ?)')
			.run(meter.sealNumber, meter.id, tashkentDayStartMs(meter.installedOn));
	// The meter's seal of record comes off, and the one the inspector read if it differs.
	client
		.prepare(
			'update seals set removed_at_ms = ? where meter_id = ? and removed_at_ms is null and number in (?, ?)'
		)
		.run(nowMs, meter.id, meter.sealNumber ?? '', removedSeal ?? '');
}

function putSeal(db: Db, meterId: number, number: string, resultId: string, nowMs: number) {
	db.$client
		.prepare('insert into seals (number, meter_id, result_id, installed_at_ms) values (?, ?, ?, ?)')
		.run(number, meterId, resultId, nowMs);
	db.$client.prepare('update meters set seal_number = ? where id = ?').run(number, meterId);
}

/**
 * What an applied result changes, in the caller's transaction: the visit's readings (dated the
 * visit's Tashkent day, source 'inspector'), seals, a replaced meter and its successor, and the
 * request the order came from. Throws VisitReadingRefused, having written nothing the caller's
 * savepoint does not undo, when a reading breaks the ingest rules. Conflicts are checked before.
 */
export function applyEffects(
	db: Db,
	order: OrderAtResult,
	resultId: string,
	inspectorUserId: number,
	payload: CommandPayload<'inspection.record'>,
	nowMs: number
): AppliedEffects {
	const client = db.$client;
	const day = visitDay(payload.recordedAtMs, nowMs);
	const meter = client
		.prepare(
			'select id, serial, type, seal_number as sealNumber, installed_on as installedOn from meters where id = ?'
		)
		.get(order.meterId) as MeterRecord;
	let heldReadings = 0;

	if (payload.kind === 'meter_replacement') {
		// The old meter's final reading on its removal day, the new one's initial on its first.
		client.prepare('update meters set removed_on = ? where id = ?').run(day, meter.id);
		heldReadings += ingestVisitReading(db, meter.serial, day, payload.readingKwh as string, nowMs);
		removeSeals(db, meter, payload.removedSeal, nowMs);
		client.prepare('update meters set seal_number = null where id = ?').run(meter.id);
		const serial = payload.newMeterSerial as string;
		const fresh = client
			.prepare(
				'insert into meters (account_id, serial, type, installed_on) values (?, ?, ?, ?) returning id'
			)
			.get(order.accountId, serial, meter.type, day) as { id: number };
		heldReadings += ingestVisitReading(
			db,
			serial,
			day,
			payload.newMeterInitialKwh as string,
			nowMs
		);
		putSeal(db, fresh.id, payload.newSeal as string, resultId, nowMs);
	} else {
		if (payload.readingKwh !== null)
			heldReadings += ingestVisitReading(db, meter.serial, day, payload.readingKwh, nowMs);
		if (payload.newSeal !== null) {
			removeSeals(db, meter, payload.removedSeal, nowMs);
			putSeal(db, meter.id, payload.newSeal, resultId, nowMs);
		}
	}

	if (order.requestId !== null) markRequestDoneByVisit(db, order.requestId, inspectorUserId, nowMs);
	return { heldReadings, requestId: order.requestId };
}

/**
 * Applies the result's effects in a savepoint; a reading the ingest rules refuse undoes them all
 * and becomes the result's conflict.
 */
export function applyOrConflict(
	db: Db,
	order: OrderAtResult,
	resultId: string,
	inspectorUserId: number,
	payload: CommandPayload<'inspection.record'>,
	nowMs: number
): Conflict | null {
	try {
		db.$client.transaction(() =>
			applyEffects(db, order, resultId, inspectorUserId, payload, nowMs)
		)();
		return null;
	} catch (error) {
		if (!(error instanceof VisitReadingRefused)) throw error;
		return {
			reason: 'reading_rejected',
			detail: {
				meterSerial: error.serial,
				readingKwh: error.kwh,
				rejection: error.rejection,
				message: error.why
			}
		};
	}
}
