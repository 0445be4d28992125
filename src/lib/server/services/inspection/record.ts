import type { Db } from '../../db';
import type { SessionUser } from '../../auth/session';
import { BusinessRuleError } from '../errors';
import type { CommandPayload } from '../../../domain/sync/commands';
import type { ReviewReason } from '../../../domain/inspection/workOrders';
import { findConflict } from './conflicts';
import { applyOrConflict } from './effects';
import { orderAtResult, orderInspectors, setOrderStatus, touchOrder } from './orderState';

export interface RecordedResult {
	resultId: string;
	workOrderId: string;
	accountId: number;
	outcome: 'applied' | 'needs_review';
	reviewReason: ReviewReason | null;
	/** The inspectors whose phones hold the order (its current one and those it was taken from). */
	inspectorUserIds: number[];
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
		applyOrConflict(db, order, payload.resultId, user.id, payload, nowMs);
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
