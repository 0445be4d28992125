import { liveQuery } from 'dexie';
import type { SessionUser } from '$lib/domain/auth';
import { userDb } from '../db';
import { requestPersistentStorage } from '../storagePersistence.svelte';
import { holdSyncLock } from './coordination/tabLeadership';
import { SyncScheduler } from './coordination/syncScheduler';
import { listenForTriggers } from './coordination/triggers';
import { SyncEngine } from './engine';
import { UNACKNOWLEDGED } from './outbox/outboxRow';
import { readMeta } from './storage/meta';
import { DexieSyncStorage } from './storage/dexieSyncStorage';
import { resetSyncStatus, syncStatus } from './status.svelte';
import { trpcTransport } from './transport/trpcTransport';
import { watchSyncStatus } from './watchSyncStatus';

export interface SyncHandle {
	/** "Sync now": here if this tab leads, else asks the leading tab. */
	syncNow(): void;
	/** Commands the server has not answered yet, for a warning before signing out. */
	unsentCount(): Promise<number>;
	stop(): void;
}

export interface StartSyncOptions {
	/** The server no longer knows the session. */
	onSignedOut(): void;
}

/**
 * Starts syncing for the signed-in user: status from their database in this tab, and, in the one
 * tab that holds the user's sync lock, the engine and its scheduler. Call once per signed-in
 * user; `stop()` on sign-out (before the database is deleted) and when the app unmounts.
 */
export function startSync(user: SessionUser, options: StartSyncOptions): SyncHandle {
	resetSyncStatus();
	const db = userDb(user.id);
	const lockName = `tok-sync-${user.id}`;
	const stopWatching = watchSyncStatus(db, syncStatus);
	void requestPersistentStorage(db);

	const stopOnlineStatus = listenForTriggers({
		online: () => (syncStatus.online = true),
		offline: () => (syncStatus.online = false)
	});
	syncStatus.online = navigator.onLine;

	// Followers ask the leader to "Sync now" over a channel; where there is no BroadcastChannel
	// there are no Web Locks either (Safari < 15.4), so every tab leads and none needs to ask.
	const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(lockName);
	let scheduler: SyncScheduler | null = null;

	const releaseLock = holdSyncLock(lockName, () => {
		const transport = trpcTransport();
		const engine = new SyncEngine({
			storage: new DexieSyncStorage(db),
			transport,
			status: syncStatus
		});
		const leading = new SyncScheduler({
			engine,
			transport,
			isOnline: () => navigator.onLine,
			watchOutbox: (onChange) => {
				let last: number | undefined;
				const subscription = liveQuery(() => readMeta(db, 'nextSeq')).subscribe({
					next(nextSeq) {
						if (nextSeq !== undefined && nextSeq !== last) onChange();
						last = nextSeq;
					},
					error: () => {}
				});
				return () => subscription.unsubscribe();
			},
			onSignedOut: options.onSignedOut
		});
		scheduler = leading;
		const onMessage = (event: MessageEvent) => {
			if (event.data === 'sync-now') leading.run({ manual: true });
		};
		channel?.addEventListener('message', onMessage);
		const stopLeading = leading.start();
		return () => {
			channel?.removeEventListener('message', onMessage);
			stopLeading();
			scheduler = null;
		};
	});

	return {
		syncNow() {
			if (scheduler) scheduler.run({ manual: true });
			else channel?.postMessage('sync-now');
		},
		// An inspector's photos not yet on the server are unsent work too: signing out deletes them.
		unsentCount: async () =>
			(await db.outbox.where('state').anyOf(UNACKNOWLEDGED).count()) +
			(await db.photos.where('state').equals('pending').count()),
		stop() {
			releaseLock();
			stopOnlineStatus();
			stopWatching();
			channel?.close();
		}
	};
}
