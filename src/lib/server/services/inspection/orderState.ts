import type { Db } from '../../db';
import { reserveVersions } from '../../db/version';
import type { WorkOrderStatus } from '../../../domain/inspection/workOrders';
import type { OrderAtResult } from './conflicts';

// A work order as results and reviews read and move it; every change takes a sync version so
// that the phones of its inspectors (current and former) pull it.

/** An order with what a result needs of it. */
export function orderAtResult(db: Db, workOrderId: string): OrderAtResult | undefined {
	return db.$client
		.prepare(
			`select id, account_id as accountId, meter_id as meterId, request_id as requestId, kind,
			 status, inspector_user_id as inspectorUserId, created_at_ms as createdAtMs,
			 updated_at_ms as updatedAtMs
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
export function touchOrder(db: Db, workOrderId: string) {
	db.$client
		.prepare('update work_orders set version = ? where id = ?')
		.run(reserveVersions(db), workOrderId);
}
