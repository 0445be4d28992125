import { isFlushMessage } from './flushMessage';

export interface TriggerHandlers {
	online?(): void;
	offline?(): void;
	/** The app was brought to the front. */
	visible?(): void;
	/** The service worker's Background Sync fired. */
	flush?(): void;
}

/** Listens to the browser's hints that now is a good time to sync; returns how to stop. */
export function listenForTriggers(handlers: TriggerHandlers): () => void {
	const online = () => handlers.online?.();
	const offline = () => handlers.offline?.();
	const visibility = () => {
		if (document.visibilityState === 'visible') handlers.visible?.();
	};
	const message = (event: MessageEvent) => {
		if (isFlushMessage(event.data)) handlers.flush?.();
	};
	window.addEventListener('online', online);
	window.addEventListener('offline', offline);
	document.addEventListener('visibilitychange', visibility);
	const worker = 'serviceWorker' in navigator ? navigator.serviceWorker : null;
	worker?.addEventListener('message', message);
	return () => {
		window.removeEventListener('online', online);
		window.removeEventListener('offline', offline);
		document.removeEventListener('visibilitychange', visibility);
		worker?.removeEventListener('message', message);
	};
}
