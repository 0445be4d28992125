import { BACKGROUND_SYNC_TAG } from './flushMessage';

type SyncCapableRegistration = ServiceWorkerRegistration & {
	sync?: { register(tag: string): Promise<void> };
};

/**
 * Asks the browser to wake the service worker when the network is back (Background Sync, in
 * Chromium only), which then tells the open pages to flush the outbox. Elsewhere the page's own
 * triggers (online, visibility, timer) do it; this is a bonus, never required.
 */
export async function requestBackgroundSync(): Promise<void> {
	if (!('serviceWorker' in navigator)) return;
	try {
		const registration = (await navigator.serviceWorker.getRegistration()) as
			SyncCapableRegistration | undefined;
		await registration?.sync?.register(BACKGROUND_SYNC_TAG);
	} catch {
		// Refused (permission, private mode): the page's own triggers still flush the outbox.
	}
}
