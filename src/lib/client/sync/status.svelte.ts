import type { MessageKey } from '$lib/i18n/index.svelte';

export interface SyncProgress {
	/** Rows received so far in this pull. */
	done: number;
	/** Rows this pull will bring in all, as the server estimates it. */
	total: number;
}

/** What the person sees of syncing. */
export interface SyncStatus {
	/**
	 * False until this device's database has answered what it holds (last sync, commands
	 * waiting): until then "never synced" or "nothing waiting" would be guesses, and the page
	 * shows a loading state instead.
	 */
	known: boolean;
	online: boolean;
	/** This tab is pushing or pulling right now. */
	syncing: boolean;
	lastSyncedAtMs: number | null;
	/** Why the last sync failed, null once one works. */
	lastError: MessageKey | null;
	/** Commands not yet answered by the server ("3 changes waiting to send"). */
	pendingCount: number;
	/** Set while a long pull (the first one) runs, for a progress bar. */
	progress: SyncProgress | null;
	/** The server refused this app version: sync waits, the outbox is kept, the person updates. */
	updateRequired: boolean;
}

export function initialSyncStatus(): SyncStatus {
	return {
		known: false,
		online: typeof navigator === 'undefined' ? true : navigator.onLine,
		syncing: false,
		lastSyncedAtMs: null,
		lastError: null,
		pendingCount: 0,
		progress: null,
		updateRequired: false
	};
}

export const syncStatus = $state<SyncStatus>(initialSyncStatus());

/** Back to nothing known, when the signed-in user changes. */
export function resetSyncStatus(): void {
	Object.assign(syncStatus, initialSyncStatus());
}
