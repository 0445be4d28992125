import { Workbox } from 'workbox-window';

/** Whether a new service worker is waiting; the page offers a reload instead of forcing one. */
export const pwa = $state({ updateReady: false });

let wb: Workbox | undefined;

export function registerServiceWorker(): void {
	if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
	wb = new Workbox('/service-worker.js');
	wb.addEventListener('waiting', () => (pwa.updateReady = true));
	// After the new worker takes over, reload once so that the page and the worker agree.
	wb.addEventListener('controlling', (event) => {
		if (event.isUpdate) window.location.reload();
	});
	wb.register().catch((error: unknown) =>
		console.error('service worker registration failed', error)
	);
}

export function applyUpdate(): void {
	wb?.messageSkipWaiting();
}
