import { and, asc, desc, eq, gt, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db';
import { accounts, requestEvents, serviceRequests, users, workOrders } from '../../db/schema';
import type { SessionUser } from '../../auth/session';
import { DomainError } from '../errors';
import { districtScope, inScope } from '../staffScope';
import { OPEN_STATUSES, type RequestStatus } from '../../../domain/requests/status';
import type { RequestKind } from '../../../domain/sync/commands';
import type { WorkOrderStatus } from '../../../domain/inspection/workOrders';

const DAY_MS = 86_400_000;

export interface QueueFilter {
	kind?: RequestKind;
	/** One status, or 'open' (any still being worked on: the queue), or 'all'. */
	status: RequestStatus | 'open' | 'all';
	districtSoato?: string;
	/** Only requests filed at least this many days ago. */
	olderThanDays?: number;
	/** Where the previous page ended (`nextCursor`). */
	cursor?: string;
	limit: number;
}

export interface OrderSummary {
	id: string;
	status: WorkOrderStatus;
	inspectorUserId: number;
	inspectorName: string;
	scheduledDate: string | null;
	note: string;
}

export interface QueueRow {
	id: string;
	accountId: number;
	accountNumber: string;
	holderName: string;
	address: string;
	districtSoato: string;
	kind: RequestKind;
	status: RequestStatus;
	createdAtMs: number;
	ageDays: number;
	workOrder: OrderSummary | null;
}

export interface QueuePage {
	rows: QueueRow[];
	nextCursor: string | null;
	districts: string[] | null;
}

/** A page's end as text: the oldest-first order is (filed at, id), so both are needed. */
const encodeCursor = (row: { createdAtMs: number; id: string }) => `${row.createdAtMs}.${row.id}`;
export const CURSOR_PATTERN = /^\d{1,15}\.[0-9a-f-]{36}$/;
function decodeCursor(cursor: string) {
	const dot = cursor.indexOf('.');
	return { createdAtMs: Number(cursor.slice(0, dot)), id: cursor.slice(dot + 1) };
}

/** Refuses a district outside the caller's as if it were a foreign account. */
function assertDistrictInScope(db: Db, user: SessionUser, districtSoato: string) {
	if (!inScope(districtScope(db, user), districtSoato))
		throw new DomainError('account_forbidden', 'error.account_forbidden');
}

/**
 * The office's queue: requests in the caller's districts, oldest first (the longest waiting at
 * the top), filtered, one page at a time. A cursor rather than an offset, so that a request
 * filed or closed while someone pages does not shift the next page.
 */
export function requestQueue(
	db: Db,
	user: SessionUser,
	filter: QueueFilter,
	nowMs: number
): QueuePage {
	const scope = districtScope(db, user);
	// The districts the caller may filter by (null: every one, for an admin).
	const districts = scope.all ? null : [...scope.districts];
	if (filter.districtSoato) assertDistrictInScope(db, user, filter.districtSoato);
	if (!scope.all && scope.districts.length === 0) return { rows: [], nextCursor: null, districts };
	const where: SQL[] = [];
	if (!scope.all) where.push(inArray(accounts.districtSoato, [...scope.districts]));
	if (filter.districtSoato) where.push(eq(accounts.districtSoato, filter.districtSoato));
	if (filter.kind) where.push(eq(serviceRequests.kind, filter.kind));
	if (filter.status === 'open') where.push(inArray(serviceRequests.status, OPEN_STATUSES));
	else if (filter.status !== 'all') where.push(eq(serviceRequests.status, filter.status));
	if (filter.olderThanDays !== undefined)
		where.push(lte(serviceRequests.createdAtMs, nowMs - filter.olderThanDays * DAY_MS));
	if (filter.cursor) {
		const after = decodeCursor(filter.cursor);
		where.push(
			or(
				gt(serviceRequests.createdAtMs, after.createdAtMs),
				and(eq(serviceRequests.createdAtMs, after.createdAtMs), gt(serviceRequests.id, after.id))
			)!
		);
	}
	const found = db
		.select({
			id: serviceRequests.id,
			accountId: serviceRequests.accountId,
			accountNumber: accounts.number,
			holderName: accounts.holderName,
			address: accounts.address,
			districtSoato: accounts.districtSoato,
			kind: serviceRequests.kind,
			status: serviceRequests.status,
			createdAtMs: serviceRequests.createdAtMs
		})
		.from(serviceRequests)
		.innerJoin(accounts, eq(accounts.id, serviceRequests.accountId))
		.where(and(...where))
		.orderBy(asc(serviceRequests.createdAtMs), asc(serviceRequests.id))
		.limit(filter.limit + 1)
		.all();
	const page = found.slice(0, filter.limit);
	const orders = latestOrders(
		db,
		page.map((r) => r.id)
	);
	return {
		rows: page.map((r) => ({
			...r,
			ageDays: Math.max(0, Math.floor((nowMs - r.createdAtMs) / DAY_MS)),
			workOrder: orders.get(r.id) ?? null
		})),
		nextCursor: found.length > filter.limit ? encodeCursor(page[page.length - 1]) : null,
		districts
	};
}

/** Each request's work order: the open one, else the newest (a cancelled one gives way). */
function latestOrders(db: Db, requestIds: string[]): Map<string, OrderSummary> {
	const byRequest = new Map<string, OrderSummary>();
	if (requestIds.length === 0) return byRequest;
	const rows = db
		.select({
			requestId: workOrders.requestId,
			id: workOrders.id,
			status: workOrders.status,
			inspectorUserId: workOrders.inspectorUserId,
			inspectorName: users.displayName,
			scheduledDate: workOrders.scheduledDate,
			note: workOrders.note
		})
		.from(workOrders)
		.innerJoin(users, eq(users.id, workOrders.inspectorUserId))
		.where(inArray(workOrders.requestId, requestIds))
		// The one on a list now, else the newest.
		.orderBy(
			desc(sql`${workOrders.status} = 'assigned'`),
			desc(workOrders.createdAtMs),
			desc(workOrders.version)
		)
		.all();
	for (const { requestId, ...order } of rows)
		if (requestId && !byRequest.has(requestId)) byRequest.set(requestId, order);
	return byRequest;
}

/**
 * One request as the office reads it: the account it is for, what the resident wrote, its
 * history (who moved it, when, why) and every work order made for it, newest first. Outside
 * the caller's districts it is refused like a foreign account.
 */
export function requestDetail(db: Db, user: SessionUser, requestId: string, nowMs: number) {
	const row = db
		.select({
			id: serviceRequests.id,
			accountId: serviceRequests.accountId,
			kind: serviceRequests.kind,
			status: serviceRequests.status,
			reason: serviceRequests.reason,
			note: serviceRequests.note,
			contactPhone: serviceRequests.contactPhone,
			preferredDate: serviceRequests.preferredDate,
			statusReason: serviceRequests.statusReason,
			createdAtMs: serviceRequests.createdAtMs,
			updatedAtMs: serviceRequests.updatedAtMs,
			accountNumber: accounts.number,
			holderName: accounts.holderName,
			address: accounts.address,
			phone: accounts.phone,
			districtSoato: accounts.districtSoato
		})
		.from(serviceRequests)
		.innerJoin(accounts, eq(accounts.id, serviceRequests.accountId))
		.where(eq(serviceRequests.id, requestId))
		.get();
	if (!row) throw new DomainError('business_rule', 'error.request_not_found');
	assertDistrictInScope(db, user, row.districtSoato);
	const history = db
		.select({
			status: requestEvents.status,
			reason: requestEvents.reason,
			atMs: requestEvents.atMs,
			byName: users.displayName,
			byRole: users.role
		})
		.from(requestEvents)
		.leftJoin(users, eq(users.id, requestEvents.byUserId))
		.where(eq(requestEvents.requestId, requestId))
		.orderBy(asc(requestEvents.atMs), asc(requestEvents.id))
		.all();
	const orders = db
		.select({
			id: workOrders.id,
			kind: workOrders.kind,
			status: workOrders.status,
			inspectorUserId: workOrders.inspectorUserId,
			inspectorName: users.displayName,
			scheduledDate: workOrders.scheduledDate,
			note: workOrders.note,
			createdAtMs: workOrders.createdAtMs,
			updatedAtMs: workOrders.updatedAtMs
		})
		.from(workOrders)
		.innerJoin(users, eq(users.id, workOrders.inspectorUserId))
		.where(eq(workOrders.requestId, requestId))
		.orderBy(desc(workOrders.createdAtMs), desc(workOrders.version))
		.all();
	return {
		...row,
		ageDays: Math.max(0, Math.floor((nowMs - row.createdAtMs) / DAY_MS)),
		history,
		workOrders: orders
	};
}
