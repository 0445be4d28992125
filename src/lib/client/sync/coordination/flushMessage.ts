// Shared by the page and the service worker (which has its own build): keep this file free of imports.

/** The Background Sync tag the page registers after it queues a command. */
export const BACKGROUND_SYNC_TAG = 'tok-outbox';

/** What the service worker posts to its windows when Background Sync fires. */
export interface FlushMessage {
	type: 'flush';
}

export function isFlushMessage(data: unknown): data is FlushMessage {
	return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'flush';
}
