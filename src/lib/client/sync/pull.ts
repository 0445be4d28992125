import { trpc } from '../trpc';
import { readableError } from '../handleError';
import type { TokDb } from '../db';
import { syncStatus } from './status.svelte';

/**
 * Fetches what the user may see and stores it in their IndexedDB in one transaction, with the
 * time it arrived. Pages never wait on this: they render what Dexie holds.
 */
export async function pull(db: TokDb): Promise<{ signedOut: boolean }> {
	if (syncStatus.syncing) return { signedOut: false };
	syncStatus.syncing = true;
	try {
		const result = await trpc.sync.pull.query();
		const at = Date.now();
		await db.transaction('rw', db.accounts, db.meta, async () => {
			await db.accounts.clear();
			await db.accounts.bulkPut(result.accounts);
			await db.meta.put({ key: 'lastSyncedAtMs', value: at });
		});
		syncStatus.lastSyncedAtMs = at;
		syncStatus.lastError = null;
		return { signedOut: false };
	} catch (error) {
		const readable = readableError(error);
		syncStatus.lastError = readable.message;
		return { signedOut: readable.signedOut };
	} finally {
		syncStatus.syncing = false;
	}
}

export async function loadLastSynced(db: TokDb): Promise<void> {
	const row = await db.meta.get('lastSyncedAtMs');
	syncStatus.lastSyncedAtMs = row?.value ?? null;
}
