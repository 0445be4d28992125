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

declare let self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// The first install takes the open page at once, so it works offline from the first visit.
clientsClaim();

// Every page is rendered in the browser from the same prerendered shell (see routes/shell).
registerRoute(
	new NavigationRoute(createHandlerBoundToURL('shell'), {
		denylist: [/^\/api\//, /\.webmanifest$/]
	})
);

// The page asks before an update takes over, so nobody loses a form they are filling in.
self.addEventListener('message', (event) => {
	if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
