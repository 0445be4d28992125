import type { TokDb } from '../db';
import { pull } from './pull';
import { syncStatus } from './status.svelte';

/**
 * Pulls now, when the network comes back and when the app is brought to the front. Returns the
 * function that stops listening. `onSignedOut` runs when the server no longer knows the session.
 */
export function startAutoPull(db: TokDb, onSignedOut: () => void): () => void {
	const run = () => {
		if (!navigator.onLine) return;
		void pull(db).then((r) => {
			if (r.signedOut) onSignedOut();
		});
	};
	const online = () => {
		syncStatus.online = true;
		run();
	};
	const offline = () => (syncStatus.online = false);
	const visible = () => {
		if (document.visibilityState === 'visible') run();
	};
	syncStatus.online = navigator.onLine;
	window.addEventListener('online', online);
	window.addEventListener('offline', offline);
	document.addEventListener('visibilitychange', visible);
	run();
	return () => {
		window.removeEventListener('online', online);
		window.removeEventListener('offline', offline);
		document.removeEventListener('visibilitychange', visible);
	};
}
