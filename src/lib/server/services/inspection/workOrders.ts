import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { meters, staffDistricts, users, workOrderAssignees, workOrders } from '../../db/schema';
import type { SessionUser } from '../../auth/session';
import { reserveVersions } from '../../db/version';
import { BusinessRuleError } from '../errors';
import { WORK_KIND_OF_REQUEST } from '../../../domain/inspection/fromRequest';
import type { RequestKind } from '../../../domain/sync/commands';
import { uuidv7 } from '../../../domain/uuidv7';

/** What an assignment or a cancellation changed, for the caller to poke the phones concerned. */
export interface WorkOrderChange {
	workOrderId: string;
	accountId: number;
	/** The inspectors whose phones hold the order now or held it until this change. */
	inspectorUserIds: number[];
}

export interface AssignInput {
	requestId: string;
	accountId: number;
	accountDistrictSoato: string;
	requestKind: RequestKind;
	inspectorUserId: number;
	scheduledDate: string | null;
	note: string;
}

/** The order of a request still on an inspector's list, if there is one. */
export function openOrderOfRequest(db: Db, requestId: string) {
	return db
		.select()
		.from(workOrders)
		.where(and(eq(workOrders.requestId, requestId), eq(workOrders.status, 'assigned')))
		.orderBy(desc(workOrders.createdAtMs))
		.get();
}

/**
 * An inspector may be sent only where they work: a user with the inspector role and the
 * account's district among theirs. Anyone else is refused the same way, so that the answer
 * does not tell an operator which logins exist.
 */
function assertInspectorWorksIn(db: Db, inspectorUserId: number, districtSoato: string): void {
	const found = db
		.select({ id: users.id })
		.from(users)
		.innerJoin(staffDistricts, eq(staffDistricts.userId, users.id))
		.where(
			and(
				eq(users.id, inspectorUserId),
				eq(users.role, 'inspector'),
				eq(staffDistricts.districtSoato, districtSoato)
			)
		)
		.get();
	if (!found) throw new BusinessRuleError('error.inspector_not_found');
}

/** The meter on the account now: the one an inspector will find on the wall. */
function currentMeterId(db: Db, accountId: number): number {
	const meter = db
		.select({ id: meters.id })
		.from(meters)
		.where(and(eq(meters.accountId, accountId), isNull(meters.removedOn)))
		.orderBy(desc(meters.installedOn), desc(meters.id))
		.get();
	if (!meter) throw new BusinessRuleError('error.request_has_no_meter');
	return meter.id;
}

/**
 * Gives a request's visit to an inspector: a new work order for the account's current meter, or,
 * when the request already has one on someone's list, that order with its new inspector, date
 * and note. The inspector it is taken from keeps an assignee row marked unassigned, so their
 * phone shows it as reassigned. Every change takes a new sync version. Scope and the request's
 * own state are the caller's to check (services/office/requestActions.ts).
 */
export function assignWorkOrder(
	db: Db,
	by: SessionUser,
	input: AssignInput,
	nowMs: number
): WorkOrderChange {
	assertInspectorWorksIn(db, input.inspectorUserId, input.accountDistrictSoato);
	const open = openOrderOfRequest(db, input.requestId);
	if (!open) {
		const id = uuidv7(nowMs);
		db.insert(workOrders)
			.values({
				id,
				requestId: input.requestId,
				accountId: input.accountId,
				meterId: currentMeterId(db, input.accountId),
				kind: WORK_KIND_OF_REQUEST[input.requestKind],
				status: 'assigned',
				inspectorUserId: input.inspectorUserId,
				scheduledDate: input.scheduledDate,
				note: input.note,
				createdByUserId: by.id,
				createdAtMs: nowMs,
				updatedAtMs: nowMs,
				version: reserveVersions(db)
			})
			.run();
		addAssignee(db, id, input.inspectorUserId, nowMs);
		return {
			workOrderId: id,
			accountId: input.accountId,
			inspectorUserIds: [input.inspectorUserId]
		};
	}
	const previous = open.inspectorUserId;
	if (previous !== input.inspectorUserId) {
		db.update(workOrderAssignees)
			.set({ unassignedAtMs: nowMs })
			.where(
				and(
					eq(workOrderAssignees.workOrderId, open.id),
					eq(workOrderAssignees.inspectorUserId, previous),
					isNull(workOrderAssignees.unassignedAtMs)
				)
			)
			.run();
		addAssignee(db, open.id, input.inspectorUserId, nowMs);
	}
	db.update(workOrders)
		.set({
			inspectorUserId: input.inspectorUserId,
			scheduledDate: input.scheduledDate ?? open.scheduledDate,
			note: input.note || open.note,
			updatedAtMs: nowMs,
			version: reserveVersions(db)
		})
		.where(eq(workOrders.id, open.id))
		.run();
	return {
		workOrderId: open.id,
		accountId: open.accountId,
		inspectorUserIds: [...new Set([input.inspectorUserId, previous])]
	};
}

/** A new assignee row, or the one of an inspector the order comes back to. */
function addAssignee(db: Db, workOrderId: string, inspectorUserId: number, nowMs: number) {
	db.insert(workOrderAssignees)
		.values({ workOrderId, inspectorUserId, assignedAtMs: nowMs, unassignedAtMs: null })
		.onConflictDoUpdate({
			target: [workOrderAssignees.workOrderId, workOrderAssignees.inspectorUserId],
			set: { assignedAtMs: nowMs, unassignedAtMs: null }
		})
		.run();
}

/** Moves the visit date of an order still on the list (the request was scheduled). */
export function rescheduleWorkOrder(
	db: Db,
	workOrderId: string,
	scheduledDate: string,
	nowMs: number
): void {
	db.update(workOrders)
		.set({ scheduledDate, updatedAtMs: nowMs, version: reserveVersions(db) })
		.where(eq(workOrders.id, workOrderId))
		.run();
}

/**
 * Withdraws an order still on an inspector's list (its request was rejected, or the office
 * called the visit off). The inspector's phone sees it cancelled; a result recorded offline
 * meanwhile still arrives and is kept for review (services/inspection/record.ts).
 */
export function cancelWorkOrder(db: Db, workOrderId: string, nowMs: number): WorkOrderChange {
	const order = db.select().from(workOrders).where(eq(workOrders.id, workOrderId)).get();
	if (!order || order.status !== 'assigned')
		throw new BusinessRuleError('error.work_order_not_found');
	db.update(workOrders)
		.set({ status: 'cancelled', updatedAtMs: nowMs, version: reserveVersions(db) })
		.where(eq(workOrders.id, workOrderId))
		.run();
	return {
		workOrderId,
		accountId: order.accountId,
		inspectorUserIds: [order.inspectorUserId]
	};
}
