import type { Db } from '../../db';
import type { WorkOrderRow } from '../../../domain/sync/tables';
import type {
	WorkKind,
	WorkOrderStatus,
	ReviewReason
} from '../../../domain/inspection/workOrders';

interface OrderRecord {
	id: string;
	accountId: number;
	requestId: string | null;
	kind: WorkKind;
	status: WorkOrderStatus;
	scheduledDate: string | null;
	note: string;
	createdAtMs: number;
	updatedAtMs: number;
	version: number;
	current: 0 | 1;
	number: string;
	holderName: string;
	address: string;
	phone: string;
	districtSoato: string;
	meterId: number;
	serial: string;
	sealNumber: string | null;
	meterType: 'smart' | 'manual';
}

/**
 * The work orders an inspector's phone should hold, changed since `since`: those assigned to
 * them now, and those taken from them (as 'reassigned'). Each carries what the visit needs.
 */
export function workOrderRowsSince(
	db: Db,
	inspectorUserId: number,
	since: number
): Array<{ version: number; row: WorkOrderRow }> {
	const records = db.$client
		.prepare(
			`select o.id, o.account_id as accountId, o.request_id as requestId, o.kind, o.status,
			 o.scheduled_date as scheduledDate, o.note, o.created_at_ms as createdAtMs,
			 o.updated_at_ms as updatedAtMs, o.version,
			 (a.unassigned_at_ms is null and o.inspector_user_id = a.inspector_user_id) as current,
			 acc.number, acc.holder_name as holderName, acc.address, acc.phone,
			 acc.district_soato as districtSoato,
			 m.id as meterId, m.serial, m.seal_number as sealNumber, m.type as meterType
			 from work_order_assignees a
			 join work_orders o on o.id = a.work_order_id
			 join accounts acc on acc.id = o.account_id
			 join meters m on m.id = o.meter_id
			 where a.inspector_user_id = ? and o.version > ?
			 order by o.version`
		)
		.all(inspectorUserId, since) as OrderRecord[];
	if (records.length === 0) return [];
	const lastReadings = db.$client.prepare(
		`select date, value_wh as valueWh, source from readings where meter_id = ?
		 order by date desc limit 3`
	);
	const result = db.$client.prepare(
		`select id, outcome, review_reason as reviewReason from inspection_results
		 where work_order_id = ? and inspector_user_id = ? order by received_at_ms desc limit 1`
	);
	return records.map((o) => ({
		version: o.version,
		row: {
			id: o.id,
			accountId: o.accountId,
			requestId: o.requestId,
			kind: o.kind,
			status: o.current ? o.status : 'reassigned',
			scheduledDate: o.scheduledDate,
			note: o.note,
			account: {
				number: o.number,
				holderName: o.holderName,
				address: o.address,
				phone: o.phone,
				districtSoato: o.districtSoato
			},
			meter: { id: o.meterId, serial: o.serial, sealNumber: o.sealNumber, type: o.meterType },
			lastReadings: lastReadings.all(o.meterId) as WorkOrderRow['lastReadings'],
			result:
				(result.get(o.id, inspectorUserId) as
					| { id: string; outcome: 'applied' | 'needs_review'; reviewReason: ReviewReason | null }
					| undefined) ?? null,
			createdAtMs: o.createdAtMs,
			updatedAtMs: o.updatedAtMs
		}
	}));
}
