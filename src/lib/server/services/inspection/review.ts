import type { Db } from '../../db';
import type { SessionUser } from '../../auth/session';
import { BusinessRuleError } from '../errors';
import { assertAccountInScope, districtScope } from '../staffScope';
import { recordAudit } from '../audit';
import type { CommandPayload } from '../../../domain/sync/commands';
import type { ReviewReason, WorkKind } from '../../../domain/inspection/workOrders';
import { stateConflict } from './conflicts';
import { applyOrConflict } from './effects';
import { orderAtResult, orderInspectors, setOrderStatus } from './orderState';

export interface ReviewItem {
	resultId: string;
	workOrderId: string;
	kind: WorkKind;
	reviewReason: ReviewReason;
	recordedAtMs: number;
	receivedAtMs: number;
	account: {
		id: number;
		number: string;
		holderName: string;
		address: string;
		districtSoato: string;
	};
	inspector: { id: number; login: string; displayName: string };
	/** The inspector's version, as the phone sent it. */
	recorded: CommandPayload<'inspection.record'>;
	/** What the server had that the result met (conflict_detail), or null. */
	current: Record<string, unknown> | null;
	/** SHA-256 of the result's photos, viewable at /api/uploads/<sha256>. */
	photos: string[];
}

interface HeldRow {
	resultId: string;
	workOrderId: string;
	kind: WorkKind;
	reviewReason: ReviewReason;
	recordedAtMs: number;
	receivedAtMs: number;
	payload: string;
	conflictDetail: string | null;
	accountId: number;
	number: string;
	holderName: string;
	address: string;
	districtSoato: string;
	inspectorId: number;
	login: string;
	displayName: string;
}

/**
 * Results held for review and not yet decided, newest first, in the operator's districts (an
 * admin's: all). `more` says a page follows, from the last item's receivedAtMs.
 */
export function heldResults(
	db: Db,
	user: SessionUser,
	query: { limit: number; beforeReceivedAtMs?: number }
): { items: ReviewItem[]; more: boolean } {
	const scope = districtScope(db, user);
	const where = ["r.outcome = 'needs_review'", 'r.reviewed_at_ms is null'];
	const args: unknown[] = [];
	if (!scope.all) {
		if (scope.districts.length === 0) return { items: [], more: false };
		where.push(`a.district_soato in (${scope.districts.map(() => '?').join(', ')})`);
		args.push(...scope.districts);
	}
	if (query.beforeReceivedAtMs !== undefined) {
		where.push('r.received_at_ms < ?');
		args.push(query.beforeReceivedAtMs);
	}
	const select = (extra: string | null, extraArg: number | null, limit: number) =>
		db.$client
			.prepare(
				`select r.id as resultId, r.work_order_id as workOrderId, r.kind,
				 r.review_reason as reviewReason, r.recorded_at_ms as recordedAtMs,
				 r.received_at_ms as receivedAtMs, r.payload, r.conflict_detail as conflictDetail,
				 a.id as accountId, a.number, a.holder_name as holderName, a.address,
				 a.district_soato as districtSoato,
				 u.id as inspectorId, u.login, u.display_name as displayName
				 from inspection_results r
				 join accounts a on a.id = r.account_id
				 join users u on u.id = r.inspector_user_id
				 where ${[...where, ...(extra ? [extra] : [])].join(' and ')}
				 order by r.received_at_ms desc, r.id desc
				 limit ?`
			)
			.all(...args, ...(extraArg === null ? [] : [extraArg]), limit) as HeldRow[];
	let rows = select(null, null, query.limit + 1);
	let more = rows.length > query.limit;
	const last = rows[query.limit - 1];
	// The next page starts before the last item's millisecond, and one push's results share one:
	// the rest of that millisecond comes on this page rather than never.
	if (more && last && rows[query.limit].receivedAtMs === last.receivedAtMs) {
		rows = select('r.received_at_ms >= ?', last.receivedAtMs, -1);
		more = select('r.received_at_ms < ?', last.receivedAtMs, 1).length > 0;
	} else rows = rows.slice(0, query.limit);
	const photos = db.$client.prepare(
		'select sha256 from result_photos where result_id = ? order by sha256'
	);
	const items = rows.map((r): ReviewItem => ({
		resultId: r.resultId,
		workOrderId: r.workOrderId,
		kind: r.kind,
		reviewReason: r.reviewReason,
		recordedAtMs: r.recordedAtMs,
		receivedAtMs: r.receivedAtMs,
		account: {
			id: r.accountId,
			number: r.number,
			holderName: r.holderName,
			address: r.address,
			districtSoato: r.districtSoato
		},
		inspector: { id: r.inspectorId, login: r.login, displayName: r.displayName },
		recorded: JSON.parse(r.payload),
		current: r.conflictDetail === null ? null : JSON.parse(r.conflictDetail),
		photos: photos.pluck().all(r.resultId) as string[]
	}));
	return { items, more };
}

export type ReviewDecision = 'apply' | 'dismiss';

export interface ReviewOutcome {
	resultId: string;
	decision: ReviewDecision;
	accountId: number;
	/** The inspectors whose phones hold the order, to poke. */
	inspectorUserIds: number[];
}

/**
 * An operator decides a held result. 'apply' applies it now as if it had arrived clean (the
 * order being cancelled or given to another no longer stands in the way: the operator says it
 * does not), refused while what the server holds still conflicts; 'dismiss' keeps it as a record
 * only. The order closes: done when applied; cancelled when dismissed and held for this result
 * (an order done by another result, or now another inspector's and open, goes on as it is).
 */
export function resolveHeldResult(
	db: Db,
	operator: SessionUser,
	input: { resultId: string; decision: ReviewDecision; note: string },
	nowMs: number
): ReviewOutcome {
	const client = db.$client;
	const result = client
		.prepare(
			`select id, work_order_id as workOrderId, inspector_user_id as inspectorUserId,
			 account_id as accountId, outcome, review_reason as reviewReason,
			 reviewed_at_ms as reviewedAtMs, payload
			 from inspection_results where id = ?`
		)
		.get(input.resultId) as
		| {
				id: string;
				workOrderId: string;
				inspectorUserId: number;
				accountId: number;
				outcome: 'applied' | 'needs_review';
				reviewReason: ReviewReason | null;
				reviewedAtMs: number | null;
				payload: string;
		  }
		| undefined;
	if (!result || result.outcome !== 'needs_review')
		throw new BusinessRuleError('error.review_not_found');
	// Before anything else is said about it: outside the operator's districts it does not exist.
	assertAccountInScope(db, operator, result.accountId);
	if (result.reviewedAtMs !== null) throw new BusinessRuleError('error.review_already_decided');

	const order = orderAtResult(db, result.workOrderId);
	if (!order) throw new BusinessRuleError('error.review_not_found');
	if (input.decision === 'apply') {
		const payload = JSON.parse(result.payload) as CommandPayload<'inspection.record'>;
		const conflict =
			stateConflict(db, order, payload) ??
			applyOrConflict(db, order, result.id, result.inspectorUserId, payload, nowMs);
		if (conflict) throw new BusinessRuleError('error.review_cannot_apply');
		setOrderStatus(db, order.id, 'done', nowMs);
	} else if (order.status === 'needs_review') setOrderStatus(db, order.id, 'cancelled', nowMs);

	client
		.prepare(
			`update inspection_results set outcome = ?, reviewed_by_user_id = ?, reviewed_at_ms = ?,
			 review_note = ? where id = ?`
		)
		.run(
			input.decision === 'apply' ? 'applied' : 'needs_review',
			operator.id,
			nowMs,
			input.note,
			result.id
		);
	recordAudit(db, {
		event: 'inspection_reviewed',
		userId: operator.id,
		subject: result.id,
		detail: {
			decision: input.decision,
			workOrderId: order.id,
			reviewReason: result.reviewReason,
			note: input.note
		},
		atMs: nowMs
	});
	return {
		resultId: result.id,
		decision: input.decision,
		accountId: result.accountId,
		inspectorUserIds: orderInspectors(db, order.id)
	};
}
