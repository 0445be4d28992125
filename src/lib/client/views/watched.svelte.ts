import { liveQuery } from 'dexie';

// "Watched" is a Dexie liveQuery (the page re-renders when IndexedDB changes); "live" is the
// server's SSE pokes (sync.live, LiveHub, liveConnection). Two words for two things.

/** The latest answer of a watched IndexedDB query; `current` is undefined until the first one. */
export interface Watched<T> {
	readonly current: T | undefined;
	readonly error: unknown;
}

/**
 * A Dexie live query as rune state, for a component's script. `makeQuery` runs in an effect, so
 * reactive values it reads (an account id, a month) restart the query when they change; the
 * function it returns is the query itself. Returning null waits (nothing to ask yet).
 *
 *   const charges = watched(() => { const id = accountId; return () => chargesOf(db, id); });
 *
 * Answers are kept as they come (not deeply reactive): rows are read, never edited in place.
 */
export function watched<T>(makeQuery: () => (() => Promise<T>) | null): Watched<T> {
	let current = $state.raw<T | undefined>(undefined);
	let error = $state.raw<unknown>(null);
	$effect(() => {
		const query = makeQuery();
		current = undefined;
		error = null;
		if (!query) return;
		const subscription = liveQuery(query).subscribe({
			next: (value) => (current = value),
			error: (e: unknown) => (error = e)
		});
		return () => subscription.unsubscribe();
	});
	return {
		get current() {
			return current;
		},
		get error() {
			return error;
		}
	};
}
