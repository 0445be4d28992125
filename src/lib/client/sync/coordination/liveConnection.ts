import { POKE_SPREAD_MAX_MS, SYNC_PROTOCOL } from '$lib/domain/sync/protocol';
import { readableError } from '../../handleError';
import { nextDelayMs } from '../retry/backoff';
import type { SyncTransport } from '../transport/syncTransport';

export interface LiveOptions {
	/** Data this user can see changed on the server: pull. */
	onPoke(): void;
	/** The server refused this app version. */
	onUpdateRequired(): void;
	random?: () => number;
}

/**
 * Holds one `sync.live` subscription and reconnects with backoff when it ends. Short drops are
 * healed by EventSource itself; this handles a connection that ended for good (a server restart,
 * an error answer). Each (re)connect is followed by a poke from the server, so nothing changed
 * while disconnected is missed. A poke with a spread (a broadcast) waits a random part of it,
 * and several such pokes make one pull; a poke without one pulls at once.
 *
 * @returns how to close the subscription
 */
export function keepLive(transport: SyncTransport, options: LiveOptions): () => void {
	const random = options.random ?? Math.random;
	let failures = 0;
	let closed = false;
	let unsubscribe: (() => void) | null = null;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let spreadTimer: ReturnType<typeof setTimeout> | undefined;

	const pokeNow = () => {
		clearTimeout(spreadTimer);
		spreadTimer = undefined;
		options.onPoke();
	};
	const poke = (spreadMs: number) => {
		const wait = Math.floor(random() * Math.min(Math.max(0, spreadMs), POKE_SPREAD_MAX_MS));
		if (wait <= 0) pokeNow();
		else if (spreadTimer === undefined) spreadTimer = setTimeout(pokeNow, wait);
	};

	const connect = () => {
		timer = undefined;
		if (closed) return;
		unsubscribe = transport.live(
			{ protocol: SYNC_PROTOCOL },
			{
				onPoke(spreadMs) {
					failures = 0;
					poke(spreadMs);
				},
				onEnd(error) {
					unsubscribe = null;
					if (closed) return;
					if (error && readableError(error).message === 'error.update_required')
						return options.onUpdateRequired();
					timer = setTimeout(connect, nextDelayMs(failures++, random()));
				}
			}
		);
	};
	connect();

	return () => {
		closed = true;
		clearTimeout(timer);
		clearTimeout(spreadTimer);
		unsubscribe?.();
		unsubscribe = null;
	};
}
