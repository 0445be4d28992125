import type { Db } from '../../../src/lib/server/db';
import { reserveVersions } from '../../../src/lib/server/db/version';
import type { WorkKind } from '../../../src/lib/domain/inspection/workOrders';
import { FIXED_NOW } from './testDb';
import { uuidv7 } from './commands';

// Work orders written straight to SQLite, as the office's assignment would leave them (the real
// service is the office's); each takes a sync version so that the inspector's pull sees it.

export function userIdOf(db: Db, login: string): number {
	return (db.$client.prepare('select id from users where login = ?').get(login) as { id: number })
		.id;
}

export function currentMeterOf(
	db: Db,
	accountId: number
): { id: number; serial: string; sealNumber: string | null } {
	return db.$client
		.prepare(
			'select id, serial, seal_number as sealNumber from meters where account_id = ? and removed_on is null order by id desc limit 1'
		)
		.get(accountId) as { id: number; serial: string; sealNumber: string | null };
}

export function aWorkOrder(
	db: Db,
	options: {
		accountId: number;
		inspector: string;
		kind: WorkKind;
		requestId?: string | null;
		meterId?: number;
		atMs?: number;
	}
): { id: string; meterId: number } {
	const id = uuidv7();
	const atMs = options.atMs ?? FIXED_NOW - 86_400_000;
	const meterId = options.meterId ?? currentMeterOf(db, options.accountId).id;
	const inspectorId = userIdOf(db, options.inspector);
	db.$client
		.prepare(
			`insert into work_orders (id, request_id, account_id, meter_id, kind, status, inspector_user_id,
			 created_at_ms, updated_at_ms, version) values (?, ?, ?, ?, ?, 'assigned', ?, ?, ?, ?)`
		)
		.run(
			id,
			options.requestId ?? null,
			options.accountId,
			meterId,
			options.kind,
			inspectorId,
			atMs,
			atMs,
			reserveVersions(db)
		);
	db.$client
		.prepare(
			'insert into work_order_assignees (work_order_id, inspector_user_id, assigned_at_ms) values (?, ?, ?)'
		)
		.run(id, inspectorId, atMs);
	return { id, meterId };
}

/** The office gives the order to another inspector; the first keeps it as taken from them. */
export function reassignWorkOrder(
	db: Db,
	orderId: string,
	to: string,
	atMs = FIXED_NOW - 3_600_000
) {
	const toId = userIdOf(db, to);
	db.$client
		.prepare(
			'update work_order_assignees set unassigned_at_ms = ? where work_order_id = ? and unassigned_at_ms is null'
		)
		.run(atMs, orderId);
	db.$client
		.prepare(
			'insert into work_order_assignees (work_order_id, inspector_user_id, assigned_at_ms) values (?, ?, ?)'
		)
		.run(orderId, toId, atMs);
	db.$client
		.prepare(
			'update work_orders set inspector_user_id = ?, updated_at_ms = ?, version = ? where id = ?'
		)
		.run(toId, atMs, reserveVersions(db), orderId);
}

export function cancelWorkOrder(db: Db, orderId: string, atMs = FIXED_NOW - 3_600_000) {
	db.$client
		.prepare(
			"update work_orders set status = 'cancelled', updated_at_ms = ?, version = ? where id = ?"
		)
		.run(atMs, reserveVersions(db), orderId);
}

/** A visit's payload with what its kind needs; `overrides` replace any part. */
export function visitPayload(
	orderId: string,
	kind: WorkKind,
	overrides: Record<string, unknown> = {}
): Record<string, unknown> {
	const base: Record<string, unknown> = {
		resultId: uuidv7(),
		workOrderId: orderId,
		kind,
		recordedAtMs: FIXED_NOW - 2 * 3_600_000
	};
	if (kind === 'sealing') base.newSeal = 'TK-000001';
	if (kind === 'meter_check')
		Object.assign(base, {
			readingKwh: '1.000',
			checklist: { sealIntact: true, casingIntact: true, noBypass: true, displayWorks: true },
			verdict: 'ok'
		});
	if (kind === 'meter_replacement')
		Object.assign(base, {
			readingKwh: '1.000',
			newMeterSerial: 'NEW-000001',
			newMeterInitialKwh: '0.000',
			newSeal: 'TK-000002'
		});
	if (kind === 'disconnection') base.readingKwh = '1.000';
	return { ...base, ...overrides };
}
