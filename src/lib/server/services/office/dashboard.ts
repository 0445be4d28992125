import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db';
import { accounts, serviceRequests, users, workOrders } from '../../db/schema';
import type { SessionUser } from '../../auth/session';
import { districtScope } from '../staffScope';
import { OPEN_STATUSES } from '../../../domain/requests/status';
import { AGE_BUCKETS, ageBucket, type AgeBucket } from '../../../domain/requests/ageBuckets';
import { WORK_ORDER_STATUSES, type WorkOrderStatus } from '../../../domain/inspection/workOrders';

export interface DistrictLine {
	districtSoato: string;
	byAge: Record<AgeBucket, number>;
	total: number;
}

export interface InspectorLine {
	inspectorUserId: number;
	inspectorName: string;
	byStatus: Record<WorkOrderStatus, number>;
	total: number;
}

const zeros = <K extends string>(keys: readonly K[]) =>
	Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * The office at a glance, in the caller's districts: open requests per district by how long they
 * have waited, and work orders per inspector by state.
 */
export function officeDashboard(db: Db, user: SessionUser, nowMs: number) {
	const scope = districtScope(db, user);
	if (!scope.all && scope.districts.length === 0) return { districts: [], inspectors: [] };
	const inDistricts: SQL[] = scope.all
		? []
		: [inArray(accounts.districtSoato, [...scope.districts])];

	const open = db
		.select({ districtSoato: accounts.districtSoato, createdAtMs: serviceRequests.createdAtMs })
		.from(serviceRequests)
		.innerJoin(accounts, eq(accounts.id, serviceRequests.accountId))
		.where(and(inArray(serviceRequests.status, OPEN_STATUSES), ...inDistricts))
		.all();
	const districts = new Map<string, DistrictLine>();
	for (const r of open) {
		const line = districts.get(r.districtSoato) ?? {
			districtSoato: r.districtSoato,
			byAge: zeros(AGE_BUCKETS),
			total: 0
		};
		line.byAge[ageBucket(r.createdAtMs, nowMs)]++;
		line.total++;
		districts.set(r.districtSoato, line);
	}

	const orders = db
		.select({
			inspectorUserId: workOrders.inspectorUserId,
			inspectorName: users.displayName,
			status: workOrders.status
		})
		.from(workOrders)
		.innerJoin(accounts, eq(accounts.id, workOrders.accountId))
		.innerJoin(users, eq(users.id, workOrders.inspectorUserId))
		.where(and(...inDistricts))
		.all();
	const inspectors = new Map<number, InspectorLine>();
	for (const o of orders) {
		const line = inspectors.get(o.inspectorUserId) ?? {
			inspectorUserId: o.inspectorUserId,
			inspectorName: o.inspectorName,
			byStatus: zeros(WORK_ORDER_STATUSES),
			total: 0
		};
		line.byStatus[o.status]++;
		line.total++;
		inspectors.set(o.inspectorUserId, line);
	}
	return {
		districts: [...districts.values()].sort(
			(a, b) => b.total - a.total || a.districtSoato.localeCompare(b.districtSoato)
		),
		inspectors: [...inspectors.values()].sort((a, b) =>
			a.inspectorName.localeCompare(b.inspectorName)
		)
	};
}
