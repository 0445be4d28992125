import type { Db } from '../../db';
import type { CommandPayload } from '../../../domain/sync/commands';
import type {
	ReviewReason,
	WorkKind,
	WorkOrderStatus
} from '../../../domain/inspection/workOrders';
import { tashkentDayStartMs } from '../../../domain/inspection/visitDay';
import { tashkentToday } from '../../../domain/dates';

/** The order as a result meets it. */
export interface OrderAtResult {
	id: string;
	accountId: number;
	meterId: number;
	requestId: string | null;
	kind: WorkKind;
	status: WorkOrderStatus;
	inspectorUserId: number;
	createdAtMs: number;
	updatedAtMs: number;
}

export interface Conflict {
	reason: ReviewReason;
	/** What the result met on the server, kept as the result's conflict_detail. */
	detail: Record<string, unknown>;
}

/**
 * Why a result cannot be applied as it stands, or null when it can. Checked in the order an
 * operator would want to hear it: the order itself first (cancelled, given to another), then
 * what the server holds (see `stateConflict`).
 */
export function findConflict(
	db: Db,
	order: OrderAtResult,
	inspectorUserId: number,
	payload: CommandPayload<'inspection.record'>
): Conflict | null {
	if (order.status === 'cancelled')
		return {
			reason: 'order_cancelled',
			detail: { status: 'cancelled', atMs: order.updatedAtMs }
		};
	if (order.inspectorUserId !== inspectorUserId) {
		const now = db.$client
			.prepare('select login, display_name as displayName from users where id = ?')
			.get(order.inspectorUserId) as { login: string; displayName: string };
		return { reason: 'order_reassigned', detail: { inspector: now } };
	}
	return stateConflict(db, order, payload);
}

/**
 * What stops a result whatever the office decides about the order: it already has an applied
 * result, its meter is no longer the account's, or a number that is unique for life (seal,
 * meter serial) is taken. An operator's "apply" is refused while one of these holds.
 */
export function stateConflict(
	db: Db,
	order: OrderAtResult,
	payload: CommandPayload<'inspection.record'>
): Conflict | null {
	const client = db.$client;
	const applied = client
		.prepare(
			`select id, inspector_user_id as inspectorUserId, recorded_at_ms as recordedAtMs
			 from inspection_results where work_order_id = ? and outcome = 'applied' and id <> ? limit 1`
		)
		.get(order.id, payload.resultId) as
		{ id: string; inspectorUserId: number; recordedAtMs: number } | undefined;
	if (order.status === 'done' || applied)
		return {
			reason: 'already_done',
			// When the applied result was recorded (or the order closed, if by other means).
			detail: { status: 'done', atMs: applied?.recordedAtMs ?? order.updatedAtMs }
		};

	const meter = client
		.prepare('select id, account_id as accountId, removed_on as removedOn from meters where id = ?')
		.get(order.meterId) as { id: number; accountId: number; removedOn: string | null };
	// A meter put on the account since the order was made (an account may have two meters, so
	// an older second one is not a replacement).
	const successor = client
		.prepare(
			`select serial, installed_on as installedOn from meters
			 where account_id = ? and id <> ? and installed_on >= ?
			 order by installed_on desc, id desc limit 1`
		)
		.get(meter.accountId, meter.id, tashkentToday(order.createdAtMs)) as
		{ serial: string; installedOn: string } | undefined;
	if (meter.removedOn !== null || successor)
		return {
			reason: 'meter_replaced',
			detail: {
				meterSerial: successor?.serial ?? null,
				replacedAtMs: tashkentDayStartMs((successor?.installedOn ?? meter.removedOn) as string)
			}
		};

	if (payload.newSeal !== null) {
		// The seals table is the truth, and a number is never given twice, even once removed; a
		// meter's seal from before the table (HET's own records) counts as well.
		const holder =
			client
				.prepare(
					`select s.number as sealNumber, s.meter_id as meterId, m.serial as meterSerial,
					 a.number as accountNumber
					 from seals s join meters m on m.id = s.meter_id join accounts a on a.id = m.account_id
					 where s.number = ?`
				)
				.get(payload.newSeal) ??
			client
				.prepare(
					`select m.seal_number as sealNumber, m.id as meterId, m.serial as meterSerial,
					 a.number as accountNumber
					 from meters m join accounts a on a.id = m.account_id where m.seal_number = ? limit 1`
				)
				.get(payload.newSeal);
		if (holder) return { reason: 'seal_in_use', detail: holder as Record<string, unknown> };
	}
	if (payload.kind === 'meter_replacement' && payload.newMeterSerial !== null) {
		const taken = client
			.prepare(
				`select m.serial as meterSerial, m.id as meterId, a.number as accountNumber
				 from meters m join accounts a on a.id = m.account_id where m.serial = ?`
			)
			.get(payload.newMeterSerial) as Record<string, unknown> | undefined;
		if (taken) return { reason: 'serial_in_use', detail: taken };
	}
	return null;
}
