import type { PullInput, PullOutput, PushInput, PushOutput } from '$lib/domain/sync/protocol';

export interface LiveHandlers {
	/**
	 * The server says data this user can see changed (and once right after connecting); pull
	 * within `spreadMs` (0: at once).
	 */
	onPoke(spreadMs: number): void;
	/** The connection ended for good (an error, or the server closed it); the caller reconnects. */
	onEnd(error: unknown): void;
}

/**
 * How the engine talks to the server. Production: tRPC (trpcTransport); tests: a fake network in
 * front of an in-memory reference server. A failed delivery rejects, as fetch would.
 */
export interface SyncTransport {
	push(input: PushInput, signal: AbortSignal): Promise<PushOutput>;
	pull(input: PullInput, signal: AbortSignal): Promise<PullOutput>;
	/** Holds a live subscription until the returned function is called. */
	live(input: { protocol: number }, handlers: LiveHandlers): () => void;
}
