import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { prepared } from '../db/prepared';
import type { Db } from '../db';
import { requestEvents, serviceRequests, syncTombstones, workOrders } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { assertAccountAccess } from './accounts';
import { assertAccountInScope } from './staffScope';
import { BusinessRuleError } from './errors';
import { reserveVersions } from '../db/version';
import { canTransition, isOpen, OPEN_STATUSES } from '../../domain/requests/status';
import type { CommandPayload } from '../../domain/sync/commands';
import type { RequestRow, RequestStatus } from '../../domain/sync/tables';

const p = sql.placeholder;

/** The statements every command touches, prepared once per database (sync.push is hot). */
function statements(db: Db) {
	return prepared(db, 'requests', () => ({
		byId: db
			.select({ accountId: serviceRequests.accountId, status: serviceRequests.status })
			.from(serviceRequests)
			.where(eq(serviceRequests.id, p('id')))
			.prepare(),
		openOfKind: db
			.select({ id: serviceRequests.id })
			.from(serviceRequests)
			.where(
				and(
					eq(serviceRequests.accountId, p('accountId')),
					eq(serviceRequests.kind, p('kind')),
					inArray(serviceRequests.status, OPEN_STATUSES)
				)
			)
			.limit(1)
			.prepare(),
		insert: db
			.insert(serviceRequests)
			.values({
				id: p('id'),
				accountId: p('accountId'),
				kind: p('kind'),
				status: 'submitted',
				reason: p('reason'),
				note: p('note'),
				contactPhone: p('contactPhone'),
				preferredDate: p('preferredDate'),
				createdAtMs: p('atMs'),
				updatedAtMs: p('atMs'),
				version: p('version')
			})
			.prepare(),
		setStatus: db
			.update(serviceRequests)
			.set({
				status: sql`${p('status')}`,
				statusReason: sql`${p('reason')}`,
				updatedAtMs: sql`${p('atMs')}`,
				version: sql`${p('version')}`
			})
			.where(eq(serviceRequests.id, p('id')))
			.prepare(),
		event: db
			.insert(requestEvents)
			.values({
				requestId: p('requestId'),
				status: p('status'),
				reason: p('reason'),
				byUserId: p('byUserId'),
				atMs: p('atMs')
			})
			.prepare()
	}));
}

export interface RequestChange {
	requestId: string;
	status: RequestStatus;
	accountId: number;
}

/** A resident files a request for one of their accounts. One open request of a kind at a time. */
export function createRequest(
	db: Db,
	user: SessionUser,
	input: CommandPayload<'request.create'>,
	nowMs: number
): RequestChange {
	assertAccountAccess(db, user, input.accountId);
	const q = statements(db);
	if (q.byId.get({ id: input.requestId })) throw new BusinessRuleError('error.request_exists');
	if (q.openOfKind.get({ accountId: input.accountId, kind: input.kind }))
		throw new BusinessRuleError('error.request_already_open');
	q.insert.run({
		id: input.requestId,
		accountId: input.accountId,
		kind: input.kind,
		reason: input.reason,
		note: input.note,
		contactPhone: input.contactPhone,
		preferredDate: input.preferredDate,
		atMs: nowMs,
		version: reserveVersions(db)
	});
	q.event.run({
		requestId: input.requestId,
		status: 'submitted',
		reason: null,
		byUserId: user.id,
		atMs: nowMs
	});
	return { requestId: input.requestId, status: 'submitted', accountId: input.accountId };
}

function moveRequest(
	db: Db,
	requestId: string,
	to: RequestStatus,
	actor: 'resident' | 'office',
	by: SessionUser,
	reason: string | null,
	nowMs: number,
	refusal: string
): RequestChange {
	const q = statements(db);
	const row = q.byId.get({ id: requestId });
	if (!row) throw new BusinessRuleError('error.request_not_found');
	if (actor === 'resident') assertAccountAccess(db, by, row.accountId);
	else assertAccountInScope(db, by, row.accountId);
	if (!canTransition(row.status, to, actor)) throw new BusinessRuleError(refusal);
	q.setStatus.run({ id: requestId, status: to, reason, atMs: nowMs, version: reserveVersions(db) });
	q.event.run({ requestId, status: to, reason, byUserId: by.id, atMs: nowMs });
	return { requestId, status: to, accountId: row.accountId };
}

/** A resident withdraws a request nobody has taken yet. */
export function cancelRequest(
	db: Db,
	user: SessionUser,
	input: CommandPayload<'request.cancel'>,
	nowMs: number
) {
	return moveRequest(
		db,
		input.requestId,
		'cancelled',
		'resident',
		user,
		null,
		nowMs,
		'error.request_not_cancellable'
	);
}

/** The office moves a request along its life (accept, schedule, done, reject with a reason). */
export function setRequestStatus(
	db: Db,
	operator: SessionUser,
	input: { requestId: string; status: RequestStatus; reason: string | null },
	nowMs: number
) {
	if (input.status === 'rejected' && !input.reason)
		throw new BusinessRuleError('error.reason_required');
	return moveRequest(
		db,
		input.requestId,
		input.status,
		'office',
		operator,
		input.reason,
		nowMs,
		'error.status_change_not_allowed'
	);
}

/**
 * The office removes a request filed by mistake (a duplicate, a test). Devices delete it through
 * a tombstone; its history goes with it.
 */
export function removeRequest(db: Db, operator: SessionUser, requestId: string): RequestChange {
	const row = db.select().from(serviceRequests).where(eq(serviceRequests.id, requestId)).get();
	if (!row) throw new BusinessRuleError('error.request_not_found');
	assertAccountInScope(db, operator, row.accountId);
	detachWorkOrders(db, requestId);
	db.delete(requestEvents).where(eq(requestEvents.requestId, requestId)).run();
	db.delete(serviceRequests).where(eq(serviceRequests.id, requestId)).run();
	db.insert(syncTombstones)
		.values({
			tableName: 'requests',
			rowKey: requestId,
			accountId: row.accountId,
			version: reserveVersions(db)
		})
		.run();
	return { requestId, status: row.status, accountId: row.accountId };
}

/**
 * A removed request's visits are called off and kept without it (an inspector's phone may hold
 * them, and a result may still come back for one).
 */
function detachWorkOrders(db: Db, requestId: string) {
	const orders = db
		.select({ id: workOrders.id, status: workOrders.status })
		.from(workOrders)
		.where(eq(workOrders.requestId, requestId))
		.all();
	for (const order of orders)
		db.update(workOrders)
			.set({
				requestId: null,
				status: order.status === 'assigned' ? 'cancelled' : order.status,
				version: reserveVersions(db)
			})
			.where(eq(workOrders.id, order.id))
			.run();
}

/** Requests of one account changed since `sinceVersion`, each with its status history. */
export function requestRowsSince(
	db: Db,
	accountId: number,
	sinceVersion: number
): Array<RequestRow & { version: number }> {
	const rows = db
		.select()
		.from(serviceRequests)
		.where(and(eq(serviceRequests.accountId, accountId), gt(serviceRequests.version, sinceVersion)))
		.orderBy(asc(serviceRequests.version))
		.all();
	if (rows.length === 0) return [];
	const events = db
		.select()
		.from(requestEvents)
		.where(
			inArray(
				requestEvents.requestId,
				rows.map((r) => r.id)
			)
		)
		.orderBy(asc(requestEvents.atMs), asc(requestEvents.id))
		.all();
	const sealOfVisit = db.$client
		.prepare(
			`select s.number from work_orders o
			 join inspection_results r on r.work_order_id = o.id and r.outcome = 'applied'
			 join seals s on s.result_id = r.id
			 where o.request_id = ? order by s.installed_at_ms desc limit 1`
		)
		.pluck();
	return rows.map((r) => ({
		id: r.id,
		accountId: r.accountId,
		kind: r.kind,
		status: r.status,
		reason: r.reason,
		note: r.note,
		contactPhone: r.contactPhone,
		preferredDate: r.preferredDate,
		statusReason: r.statusReason,
		sealNumber:
			r.kind === 'sealing' || r.kind === 'meter_replacement'
				? ((sealOfVisit.get(r.id) as string | undefined) ?? null)
				: null,
		createdAtMs: r.createdAtMs,
		updatedAtMs: r.updatedAtMs,
		version: r.version,
		history: events
			.filter((e) => e.requestId === r.id)
			.map((e) => ({ status: e.status, atMs: e.atMs, reason: e.reason }))
	}));
}

export { isOpen };

/**
 * The visit a request asked for was made and its result applied: the request is done, whatever
 * open step it was at (the office may not have moved it past 'submitted'). A closed one stays.
 */
export function markRequestDoneByVisit(
	db: Db,
	requestId: string,
	inspectorUserId: number,
	nowMs: number
): RequestChange | null {
	const q = statements(db);
	const row = q.byId.get({ id: requestId });
	if (!row || !isOpen(row.status)) return null;
	q.setStatus.run({
		id: requestId,
		status: 'done',
		reason: null,
		atMs: nowMs,
		version: reserveVersions(db)
	});
	q.event.run({ requestId, status: 'done', reason: null, byUserId: inspectorUserId, atMs: nowMs });
	return { requestId, status: 'done', accountId: row.accountId };
}
