import type { WorkOrderRow } from '../sync/tables';

/**
 * What an inspector reads on an order, in one word: still to do, a result on the phone waiting
 * to be sent, sent (the server holds it), held for review, or taken away (reassigned, cancelled).
 */
export const ORDER_STATES = [
	'todo',
	'waiting',
	'sent',
	'needs_review',
	'reassigned',
	'cancelled'
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

/** What the phone knows beside the server's row: a result of its own, and whether it is unsent. */
export interface LocalResult {
	pending: boolean;
	recorded: boolean;
}

/**
 * The order's state from the server's row and the phone's own result. A result still waiting
 * comes first (whatever happened to the order meanwhile, it will be delivered and kept); then
 * what the server said about the result; then an order taken away; then done or not.
 */
export function orderState(
	row: Pick<WorkOrderRow, 'status' | 'result'>,
	local: LocalResult
): OrderState {
	if (local.recorded && local.pending) return 'waiting';
	if (row.result?.outcome === 'needs_review' || row.status === 'needs_review')
		return 'needs_review';
	if (row.status === 'reassigned') return 'reassigned';
	if (row.status === 'cancelled') return 'cancelled';
	if (row.result || local.recorded || row.status === 'done') return 'sent';
	return 'todo';
}

/** Only an order still to do takes a result: one visit, one result. */
export const takesResult = (state: OrderState): boolean => state === 'todo';

const byAddress = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** The day's list in walking order: by address (house numbers as numbers), then account. */
export function sortByAddress<T extends Pick<WorkOrderRow, 'id' | 'account'>>(rows: T[]): T[] {
	return [...rows].sort(
		(a, b) =>
			byAddress.compare(a.account.address, b.account.address) ||
			a.account.number.localeCompare(b.account.number) ||
			a.id.localeCompare(b.id)
	);
}
