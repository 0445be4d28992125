import { liveQuery, type Observable } from 'dexie';
import type { RequestRow } from '$lib/domain/sync/tables';
import type { TokDb } from '../../db';
import type { RequestView } from '../effects';
import type { OutboxRow } from '../outbox/outboxRow';
import { applyEffects } from './applyEffects';

/**
 * An account's service requests as the person sees them: the server's rows, then their commands
 * on top — new ones "waiting to send", cancels as "cancelling", refusals as needing attention.
 * Newest first. No request shows twice: a command's effect yields to the server's row.
 */
export function mergeRequests(
	serverRows: RequestRow[],
	commands: OutboxRow[],
	accountId: number
): RequestView[] {
	const rows = serverRows.map((r): RequestView => ({ ...r, pending: false, needsAttention: null }));
	return applyEffects('requests', rows, commands)
		.filter((r) => r.accountId === accountId)
		.sort((a, b) => b.createdAtMs - a.createdAtMs || (a.id < b.id ? 1 : -1));
}

/** `mergeRequests` as a live query over the user's IndexedDB: updates on every change, in any tab. */
export function requestsView(db: TokDb, accountId: number): Observable<RequestView[]> {
	return liveQuery(() =>
		db.transaction('r', db.requests, db.outbox, async () => {
			const [rows, commands] = await Promise.all([
				db.requests.where('accountId').equals(accountId).toArray(),
				db.outbox.toArray()
			]);
			return mergeRequests(rows, commands, accountId);
		})
	);
}
