import type { Db } from '../../db';
import type { SessionUser } from '../../auth/session';
import { BusinessRuleError } from '../errors';
import { reserveVersions } from '../../db/version';
import type { CommandPayload } from '../../../domain/sync/commands';
import type { ReviewReason, WorkOrderStatus } from '../../../domain/inspection/workOrders';
import { findConflict, type Conflict, type OrderAtResult } from './conflicts';
import { applyEffects, VisitReadingRefused } from './effects';

export interface RecordedResult {
	resultId: string;
	workOrderId: string;
	accountId: number;
	outcome: 'applied' | 'needs_review';
	reviewReason: ReviewReason | null;
	/** The inspectors whose phones hold the order (its current one and those it was taken from). */
	inspectorUserIds: number[];
}

/** An order with what a result needs of it. */
export function orderAtResult(db: Db, workOrderId: string): OrderAtResult | undefined {
	return db.$client
		.prepare(
			`select id, account_id as accountId, meter_id as meterId, request_id as requestId, kind,
			 status, inspector_user_id as inspectorUserId, updated_at_ms as updatedAtMs
			 from work_orders where id = ?`
		)
		.get(workOrderId) as OrderAtResult | undefined;
}

export function orderInspectors(db: Db, workOrderId: string): number[] {
	return db.$client
		.prepare('select inspector_user_id from work_order_assignees where work_order_id = ?')
		.pluck()
		.all(workOrderId) as number[];
}

/** Moves the order on and takes a sync version, so that its inspectors' phones see it. */
export function setOrderStatus(
	db: Db,
	workOrderId: string,
	status: WorkOrderStatus,
	nowMs: number
) {
	db.$client
		.prepare('update work_orders set status = ?, updated_at_ms = ?, version = ? where id = ?')
		.run(status, nowMs, reserveVersions(db), workOrderId);
}

/** A new sync version only: the row's result changed for the phone that sent it. */
function touchOrder(db: Db, workOrderId: string) {
	db.$client
		.prepare('update work_orders set version = ? where id = ?')
		.run(reserveVersions(db), workOrderId);
}

/**
 * Applies the result's effects in a savepoint; a reading the ingest rules refuse undoes them all
 * and becomes the result's conflict.
 */
export function tryApply(
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
				date: error.day,
				kwh: error.kwh,
				rejection: error.rejection,
				message: error.why
			}
		};
	}
}

/**
 * Keeps what an inspector recorded for an order, always: applied with its effects when nothing
 * stands in the way, otherwise held for an operator's review with the reason and what it met
 * (see conflicts.ts). A repeat of the same result id answers what the first delivery did. Runs
 * inside the push's transaction.
 */
export function recordInspection(
	db: Db,
	user: SessionUser,
	payload: CommandPayload<'inspection.record'>,
	nowMs: number
): RecordedResult {
	const client = db.$client;
	const seen = client
		.prepare(
			`select id, work_order_id as workOrderId, inspector_user_id as inspectorUserId,
			 account_id as accountId, outcome, review_reason as reviewReason
			 from inspection_results where id = ?`
		)
		.get(payload.resultId) as
		| {
				id: string;
				workOrderId: string;
				inspectorUserId: number;
				accountId: number;
				outcome: 'applied' | 'needs_review';
				reviewReason: ReviewReason | null;
		  }
		| undefined;
	if (seen) {
		if (seen.inspectorUserId !== user.id) throw new BusinessRuleError('error.work_order_forbidden');
		return {
			resultId: seen.id,
			workOrderId: seen.workOrderId,
			accountId: seen.accountId,
			outcome: seen.outcome,
			reviewReason: seen.reviewReason,
			inspectorUserIds: orderInspectors(db, seen.workOrderId)
		};
	}
	const order = orderAtResult(db, payload.workOrderId);
	const inspectors = order ? orderInspectors(db, order.id) : [];
	// Only an order that is or was this inspector's: another's id is refused, not stored.
	if (!order || !inspectors.includes(user.id))
		throw new BusinessRuleError('error.work_order_forbidden');
	if (payload.kind !== order.kind) throw new BusinessRuleError('error.work_order_kind');

	// The result is stored first: the seals it puts on refer to it.
	client
		.prepare(
			`insert into inspection_results (id, work_order_id, inspector_user_id, account_id, kind,
			 payload, recorded_at_ms, received_at_ms, outcome)
			 values (?, ?, ?, ?, ?, ?, ?, ?, 'applied')`
		)
		.run(
			payload.resultId,
			order.id,
			user.id,
			order.accountId,
			order.kind,
			JSON.stringify(payload),
			payload.recordedAtMs,
			nowMs
		);
	const photo = client.prepare(
		'insert or ignore into result_photos (result_id, sha256) values (?, ?)'
	);
	for (const { sha256 } of payload.photos) photo.run(payload.resultId, sha256);

	const conflict =
		findConflict(db, order, user.id, payload) ??
		tryApply(db, order, payload.resultId, user.id, payload, nowMs);
	if (conflict) {
		client
			.prepare(
				`update inspection_results set outcome = 'needs_review', review_reason = ?, conflict_detail = ?
				 where id = ?`
			)
			.run(conflict.reason, JSON.stringify(conflict.detail), payload.resultId);
		// Only the order's own visit holds it for review: a cancelled order stays cancelled, and one
		// done, or now another inspector's, goes on as it was.
		const ownVisit =
			order.inspectorUserId === user.id &&
			(order.status === 'assigned' || order.status === 'needs_review');
		if (ownVisit) setOrderStatus(db, order.id, 'needs_review', nowMs);
		else touchOrder(db, order.id);
	} else setOrderStatus(db, order.id, 'done', nowMs);
	return {
		resultId: payload.resultId,
		workOrderId: order.id,
		accountId: order.accountId,
		outcome: conflict ? 'needs_review' : 'applied',
		reviewReason: conflict?.reason ?? null,
		inspectorUserIds: inspectors
	};
}
