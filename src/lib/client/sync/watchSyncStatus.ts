import { liveQuery } from 'dexie';
import { SYNC_PROTOCOL } from '$lib/domain/sync/protocol';
import { isMessageKey } from '$lib/i18n/index.svelte';
import type { TokDb } from '../db';
import { UNACKNOWLEDGED } from './outbox/outboxRow';
import { readMeta } from './storage/meta';
import type { SyncStatus } from './status.svelte';

/**
 * Keeps the status in step with the user's database, in every tab (Dexie's live queries see
 * other tabs' writes): commands waiting, last sync, last failure, a refused app version. The
 * leading tab's engine writes these; the other tabs learn them here.
 *
 * @returns how to stop watching
 */
export function watchSyncStatus(db: TokDb, status: SyncStatus): () => void {
	const subscription = liveQuery(() =>
		db.transaction('r', db.outbox, db.meta, async () => ({
			pendingCount: await db.outbox.where('state').anyOf(UNACKNOWLEDGED).count(),
			lastSyncedAtMs: (await readMeta(db, 'lastSyncedAtMs')) ?? null,
			lastError: (await readMeta(db, 'lastError')) ?? null,
			blocked: (await readMeta(db, 'protocolBlocked')) ?? null
		}))
	).subscribe({
		next(found) {
			status.pendingCount = found.pendingCount;
			status.lastSyncedAtMs = found.lastSyncedAtMs;
			status.lastError =
				found.lastError === null
					? null
					: isMessageKey(found.lastError)
						? found.lastError
						: 'error.server';
			status.updateRequired = found.blocked === SYNC_PROTOCOL;
			status.known = true;
		},
		// The database is being deleted (sign-out) or is unavailable: the status stays as it was.
		error: () => {}
	});
	return () => subscription.unsubscribe();
}
