import type { RequestEvent } from '@sveltejs/kit';

/**
 * The caller's address for the attempt limits. Behind a proxy (ADDRESS_HEADER) a request that
 * bypassed it has no such header, and SvelteKit throws: such requests share one address rather
 * than failing with a 500.
 */
export function clientAddressOf(event: Pick<RequestEvent, 'getClientAddress'>): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}
