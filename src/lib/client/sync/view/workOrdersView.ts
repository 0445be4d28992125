import type { WorkOrderRow } from '$lib/domain/sync/tables';
import { sortByAddress } from '$lib/domain/inspection/orderState';
import type { TokDb } from '../../db';
import type { WorkOrderView } from '../effects';
import type { OutboxRow } from '../outbox/outboxRow';
import { applyEffects } from './applyEffects';

/**
 * The inspector's orders as they see them: the server's rows with the results recorded on this
 * phone on top (waiting to send, or refused with the server's reason), in walking order.
 */
export function mergeWorkOrders(
	serverRows: WorkOrderRow[],
	commands: OutboxRow[]
): WorkOrderView[] {
	const rows = serverRows.map((r): WorkOrderView => ({
		...r,
		localResult: null,
		pending: false,
		needsAttention: null
	}));
	return sortByAddress(applyEffects('workOrders', rows, commands));
}

/** `mergeWorkOrders` read once from the user's IndexedDB (watch it with `watched`). */
export function workOrdersOf(db: TokDb): Promise<WorkOrderView[]> {
	return db.transaction('r', db.workOrders, db.outbox, async () => {
		const [rows, commands] = await Promise.all([db.workOrders.toArray(), db.outbox.toArray()]);
		return mergeWorkOrders(rows, commands);
	});
}

/** One order with the phone's result on top; undefined when the phone does not hold it. */
export function workOrderOf(db: TokDb, id: string): Promise<WorkOrderView | undefined> {
	return db.transaction('r', db.workOrders, db.outbox, async () => {
		const [row, commands] = await Promise.all([db.workOrders.get(id), db.outbox.toArray()]);
		return row ? mergeWorkOrders([row], commands)[0] : undefined;
	});
}
