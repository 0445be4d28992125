import { messagesReady } from '$lib/i18n/index.svelte';

// Tok renders in the browser from IndexedDB: the server sends one prerendered shell (see
// routes/shell) that the service worker also serves offline, and pages never wait on it.
export const ssr = false;
export const prerender = false;

// Pages render only once their language's messages are here (one small chunk, see i18n).
export async function load(): Promise<Record<string, never>> {
	await messagesReady();
	return {};
}
