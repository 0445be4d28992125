import type { MessageKey } from '$lib/i18n/index.svelte';

/** What the person sees of syncing: online or not, when data last arrived, why it last failed. */
export const syncStatus = $state<{
	online: boolean;
	syncing: boolean;
	lastSyncedAtMs: number | null;
	lastError: MessageKey | null;
}>({
	online: typeof navigator === 'undefined' ? true : navigator.onLine,
	syncing: false,
	lastSyncedAtMs: null,
	lastError: null
});
