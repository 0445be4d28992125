import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { inspectionResults, resultPhotos, workOrderAssignees, workOrders } from '../../db/schema';
import type { SessionUser } from '../../auth/session';
import { BusinessRuleError } from '../errors';
import { reserveVersions } from '../../db/version';
import type { CommandPayload } from '../../../domain/sync/commands';
import type { ReviewReason } from '../../../domain/inspection/workOrders';

export interface RecordedResult {
	resultId: string;
	workOrderId: string;
	accountId: number;
	outcome: 'applied' | 'needs_review';
	reviewReason: ReviewReason | null;
}

/**
 * Keeps what an inspector recorded for an order, always: applied when the order is still theirs
 * and open, otherwise held for an operator's review with the reason. A repeat of the same result
 * id answers what the first delivery did. Runs inside the push's transaction.
 */
export function recordInspection(
	db: Db,
	user: SessionUser,
	payload: CommandPayload<'inspection.record'>,
	nowMs: number
): RecordedResult {
	const seen = db
		.select()
		.from(inspectionResults)
		.where(eq(inspectionResults.id, payload.resultId))
		.get();
	if (seen) {
		if (seen.inspectorUserId !== user.id) throw new BusinessRuleError('error.work_order_forbidden');
		return {
			resultId: seen.id,
			workOrderId: seen.workOrderId,
			accountId: seen.accountId,
			outcome: seen.outcome,
			reviewReason: seen.reviewReason
		};
	}
	const order = db.select().from(workOrders).where(eq(workOrders.id, payload.workOrderId)).get();
	// Only an order that is or was this inspector's: another's id is refused, not stored.
	const assigned =
		order &&
		db
			.select()
			.from(workOrderAssignees)
			.where(
				and(
					eq(workOrderAssignees.workOrderId, order.id),
					eq(workOrderAssignees.inspectorUserId, user.id)
				)
			)
			.get();
	if (!order || !assigned) throw new BusinessRuleError('error.work_order_forbidden');
	if (payload.kind !== order.kind) throw new BusinessRuleError('error.work_order_kind');

	const reviewReason: ReviewReason | null =
		order.status === 'cancelled'
			? 'order_cancelled'
			: order.inspectorUserId !== user.id
				? 'order_reassigned'
				: order.status !== 'assigned'
					? 'already_done'
					: null;
	const outcome = reviewReason ? 'needs_review' : 'applied';
	db.insert(inspectionResults)
		.values({
			id: payload.resultId,
			workOrderId: order.id,
			inspectorUserId: user.id,
			accountId: order.accountId,
			kind: order.kind,
			payload: JSON.stringify(payload),
			recordedAtMs: payload.recordedAtMs,
			receivedAtMs: nowMs,
			outcome,
			reviewReason
		})
		.run();
	for (const photo of payload.photos)
		db.insert(resultPhotos)
			.values({ resultId: payload.resultId, sha256: photo.sha256 })
			.onConflictDoNothing()
			.run();
	const version = reserveVersions(db);
	db.update(workOrders)
		.set({
			status:
				outcome === 'applied'
					? 'done'
					: order.status === 'cancelled'
						? 'cancelled'
						: 'needs_review',
			updatedAtMs: nowMs,
			version
		})
		.where(eq(workOrders.id, order.id))
		.run();
	return {
		resultId: payload.resultId,
		workOrderId: order.id,
		accountId: order.accountId,
		outcome,
		reviewReason
	};
}
