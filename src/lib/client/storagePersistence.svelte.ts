import type { TokDb } from './db';
import { readMeta, writeMeta } from './sync/storage/meta';

/**
 * Whether the browser promised not to evict this app's storage under pressure, which matters
 * for an outbox holding unsent work. null: unknown, or the browser cannot say (Safari 14).
 */
export const storagePersistence = $state<{ persisted: boolean | null }>({ persisted: null });

/**
 * Asks once per signed-in user (Firefox asks the person every time it is asked; Chrome decides
 * by itself), and after that only checks.
 */
export async function requestPersistentStorage(db: TokDb): Promise<void> {
	const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
	if (!storage?.persisted || !storage.persist) return;
	try {
		if (await storage.persisted()) {
			storagePersistence.persisted = true;
			return;
		}
		if (await readMeta(db, 'persistAsked')) {
			storagePersistence.persisted = false;
			return;
		}
		await writeMeta(db, 'persistAsked', true);
		storagePersistence.persisted = await storage.persist();
	} catch {
		storagePersistence.persisted = null;
	}
}
