/// <reference lib="webworker" />
// Precaches the app shell and serves it to every page navigation, so the app opens with no
// network; the pages then read IndexedDB. API calls are never cached here: sync owns data.
import { clientsClaim } from 'workbox-core';
import {
	cleanupOutdatedCaches,
	createHandlerBoundToURL,
	precacheAndRoute
} from 'workbox-precaching';
import type { PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import {
	BACKGROUND_SYNC_TAG,
	type FlushMessage
} from './lib/client/sync/coordination/flushMessage';

declare let self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> };

// `retry`: the app retries a language chunk that failed under a new query (see i18n), which is
// still the precached chunk.
precacheAndRoute(self.__WB_MANIFEST, {
	ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^retry$/]
});
cleanupOutdatedCaches();
// The first install takes the open page at once, so it works offline from the first visit.
clientsClaim();

// Every page is rendered in the browser from the same prerendered shell (see routes/shell).
// The demo's operator sandboxes stand for the operators' own sites: never the app's shell.
registerRoute(
	new NavigationRoute(createHandlerBoundToURL('shell'), {
		// OneID's start and callback are server redirects, and the demo's operator sandboxes are the
		// operators' pages: a navigation there must reach the server, never the shell.
		denylist: [/^\/api\//, /^\/sandbox\//, /\.webmanifest$/, /^\/login\/oneid(\/|$)/]
	})
);

// The page asks before an update takes over, so nobody loses a form they are filling in.
self.addEventListener('message', (event) => {
	if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// Background Sync (Chromium): the browser wakes this worker when the network is back after the
// page queued a command; the worker cannot send the outbox itself (the engine lives in the page,
// with the user's database and session), so it asks every open window to flush.
interface SyncEvent extends ExtendableEvent {
	readonly tag: string;
}
self.addEventListener('sync', (event) => {
	const sync = event as SyncEvent;
	if (sync.tag !== BACKGROUND_SYNC_TAG) return;
	sync.waitUntil(
		self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
			const message: FlushMessage = { type: 'flush' };
			for (const client of windows) client.postMessage(message);
		})
	);
});
