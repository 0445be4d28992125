import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { accounts, serviceRequests, workOrders } from '../../db/schema';
import type { SessionUser } from '../../auth/session';
import { BusinessRuleError } from '../errors';
import { assertAccountInScope } from '../staffScope';
import { setRequestStatus, type RequestChange } from '../requests';
import {
	assignWorkOrder,
	cancelWorkOrder,
	openOrderOfRequest,
	rescheduleWorkOrder,
	type WorkOrderChange
} from '../inspection/workOrders';
import { isOpen } from '../../../domain/requests/status';
import { rejectionText, type RejectReason } from '../../../domain/requests/rejectReasons';

/** What an office action changed: the resident's account to poke, and the inspectors' phones. */
export interface OfficeChange {
	requestId: string | null;
	accountId: number;
	inspectorUserIds: number[];
	workOrderId: string | null;
}

/** The request an action is about, refused outside the caller's districts as a foreign account. */
function requestInScope(db: Db, user: SessionUser, requestId: string) {
	const row = db
		.select({
			id: serviceRequests.id,
			accountId: serviceRequests.accountId,
			kind: serviceRequests.kind,
			status: serviceRequests.status,
			districtSoato: accounts.districtSoato
		})
		.from(serviceRequests)
		.innerJoin(accounts, eq(accounts.id, serviceRequests.accountId))
		.where(eq(serviceRequests.id, requestId))
		.get();
	if (!row) throw new BusinessRuleError('error.request_not_found');
	assertAccountInScope(db, user, row.accountId);
	return row;
}

const changed = (c: RequestChange, order: WorkOrderChange | null = null): OfficeChange => ({
	requestId: c.requestId,
	accountId: c.accountId,
	inspectorUserIds: order?.inspectorUserIds ?? [],
	workOrderId: order?.workOrderId ?? null
});

export function acceptRequest(db: Db, user: SessionUser, requestId: string, nowMs: number) {
	requestInScope(db, user, requestId);
	return changed(
		setRequestStatus(db, user, { requestId, status: 'accepted', reason: null }, nowMs)
	);
}

/**
 * Any move of the office's (office.requests.setStatus): scoped, and a rejection calls off the
 * visit given out for it, as `rejectRequest` does.
 */
export function moveRequestAsOffice(
	db: Db,
	user: SessionUser,
	input: Parameters<typeof setRequestStatus>[2],
	nowMs: number
): OfficeChange {
	requestInScope(db, user, input.requestId);
	const change = setRequestStatus(db, user, input, nowMs);
	const open = change.status === 'rejected' ? openOrderOfRequest(db, input.requestId) : undefined;
	return changed(change, open ? cancelWorkOrder(db, open.id, nowMs) : null);
}

/** Rejected with a reason the resident reads; a visit already given out is called off. */
export function rejectRequest(
	db: Db,
	user: SessionUser,
	input: { requestId: string; reason: RejectReason; text: string },
	nowMs: number
): OfficeChange {
	requestInScope(db, user, input.requestId);
	const reason = rejectionText(input.reason, input.text);
	if (!reason) throw new BusinessRuleError('error.reject_text_required');
	const change = setRequestStatus(
		db,
		user,
		{ requestId: input.requestId, status: 'rejected', reason },
		nowMs
	);
	const open = openOrderOfRequest(db, input.requestId);
	return changed(change, open ? cancelWorkOrder(db, open.id, nowMs) : null);
}

/**
 * A visit date for the request: a request nobody has taken yet is accepted on the way. The date
 * is the status reason the resident reads, and the date of the visit on the inspector's list.
 */
export function scheduleRequest(
	db: Db,
	user: SessionUser,
	input: { requestId: string; date: string },
	nowMs: number
): OfficeChange {
	const row = requestInScope(db, user, input.requestId);
	if (row.status === 'submitted')
		setRequestStatus(db, user, { requestId: row.id, status: 'accepted', reason: null }, nowMs);
	const change = setRequestStatus(
		db,
		user,
		{ requestId: row.id, status: 'scheduled', reason: input.date },
		nowMs
	);
	const open = openOrderOfRequest(db, row.id);
	if (!open) return changed(change);
	rescheduleWorkOrder(db, open.id, input.date, nowMs);
	return changed(change, {
		workOrderId: open.id,
		accountId: open.accountId,
		inspectorUserIds: [open.inspectorUserId]
	});
}

/**
 * Sends an inspector: the request's work order is made (or moved to them), and the request,
 * if nobody had taken it, is accepted — and scheduled, when a date is given.
 */
export function assignRequest(
	db: Db,
	user: SessionUser,
	input: { requestId: string; inspectorUserId: number; scheduledDate: string | null; note: string },
	nowMs: number
): OfficeChange {
	const row = requestInScope(db, user, input.requestId);
	if (!isOpen(row.status)) throw new BusinessRuleError('error.request_closed');
	const order = assignWorkOrder(
		db,
		user,
		{
			requestId: row.id,
			accountId: row.accountId,
			accountDistrictSoato: row.districtSoato,
			requestKind: row.kind,
			inspectorUserId: input.inspectorUserId,
			scheduledDate: input.scheduledDate,
			note: input.note
		},
		nowMs
	);
	let status = row.status;
	if (status === 'submitted') {
		setRequestStatus(db, user, { requestId: row.id, status: 'accepted', reason: null }, nowMs);
		status = 'accepted';
	}
	if (input.scheduledDate && status === 'accepted')
		setRequestStatus(
			db,
			user,
			{ requestId: row.id, status: 'scheduled', reason: input.scheduledDate },
			nowMs
		);
	return { requestId: row.id, ...order };
}

/** The office calls a visit off; the request stays open, to be given to someone else or closed. */
export function cancelOrder(
	db: Db,
	user: SessionUser,
	workOrderId: string,
	nowMs: number
): OfficeChange {
	const order = db
		.select({ accountId: workOrders.accountId, requestId: workOrders.requestId })
		.from(workOrders)
		.where(eq(workOrders.id, workOrderId))
		.get();
	if (!order) throw new BusinessRuleError('error.work_order_not_found');
	assertAccountInScope(db, user, order.accountId);
	const change = cancelWorkOrder(db, workOrderId, nowMs);
	return { requestId: order.requestId, ...change };
}
