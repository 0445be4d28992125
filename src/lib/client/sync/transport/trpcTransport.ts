import { trpc } from '../../trpc';
import type { SyncTransport } from './syncTransport';

/** The engine's transport over the app's tRPC client: push, pull, and `sync.live` over SSE. */
export function trpcTransport(client: typeof trpc = trpc): SyncTransport {
	return {
		async push(input, signal) {
			const output = await client.sync.push.mutate(input, { signal });
			// JSON has no undefined: an applied command whose handler returned nothing has no result.
			return {
				gap: output.gap,
				results: output.results.map((r) =>
					r.status === 'applied' ? { ...r, result: r.result ?? null } : r
				)
			};
		},
		pull: (input, signal) => client.sync.pull.query(input, { signal }),
		live(input, handlers) {
			const subscription = client.sync.live.subscribe(input, {
				onData: (poke) => handlers.onPoke(poke.spreadMs ?? 0),
				onError: (error) => handlers.onEnd(error),
				// The server ended the stream (a deploy, a restart): treated as a drop.
				onComplete: () => handlers.onEnd(null)
			});
			return () => subscription.unsubscribe();
		}
	};
}
