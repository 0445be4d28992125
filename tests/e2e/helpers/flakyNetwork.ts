import type { BrowserContext, Route } from '@playwright/test';

/** mulberry32: a tiny seeded PRNG, numbers in [0, 1), so that a failing run can be replayed. */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * What happens to one request:
 * - delivered: untouched
 * - lost before: never reaches the server (the connection fails)
 * - lost after: the server handles it, the answer never comes back
 * - twice: the server gets it twice; the page gets the second answer
 */
export type Fate = 'delivered' | 'lost before' | 'lost after' | 'twice';

export interface FlakyNetwork {
	/** Each sync request in the order it was sent, with what happened to it. */
	readonly log: Array<{ procedure: string; fate: Fate }>;
	/** Back to a good network (this removes every route of the context). */
	heal(): Promise<void>;
}

const PATTERN = '**/api/trpc/**';

/**
 * Makes the network between the page and `sync.push`/`sync.pull` unreliable, with a PRNG seeded
 * with `seed`. So that every fault is met whatever the timing, the first pushes meet them in turn:
 * lost before and lost after (in an order the seed picks; both fail, so a third push must follow),
 * then twice. After that a request meets one of the three faults with probability `faultRate`.
 * Pushes and pulls draw from streams of their own, so the n-th push meets the same fate in every
 * run with this seed, however the pulls fall between them. Everything else (sign-in, the
 * `sync.live` event stream, which never ends) passes untouched.
 */
export async function makeNetworkFlaky(
	context: BrowserContext,
	{ seed, faultRate = 0.5 }: { seed: number; faultRate?: number }
): Promise<FlakyNetwork> {
	const streams = { push: mulberry32(seed), pull: mulberry32(seed ^ 0x5bd1e995) };
	const log: FlakyNetwork['log'] = [];
	const faults: Fate[] = ['lost before', 'lost after', 'twice'];
	const firstPushes: Fate[] =
		streams.push() < 0.5
			? ['lost before', 'lost after', 'twice']
			: ['lost after', 'lost before', 'twice'];

	const handler = async (route: Route) => {
		const procedure = new URL(route.request().url()).pathname.replace('/api/trpc/', '');
		// httpBatchLink may put several calls in one request: "sync.pull,accounts.list".
		const stream = procedure.includes('sync.push')
			? 'push'
			: procedure.includes('sync.pull')
				? 'pull'
				: null;
		if (!stream) return route.fallback();
		const random = streams[stream];
		const fate =
			(stream === 'push' && firstPushes.shift()) ||
			(random() < faultRate ? faults[Math.floor(random() * faults.length)] : 'delivered');
		log.push({ procedure, fate });
		switch (fate) {
			case 'delivered':
				return route.fallback();
			case 'lost before':
				return route.abort('connectionreset');
			case 'lost after':
				await route.fetch();
				return route.abort('connectionreset');
			case 'twice':
				await route.fetch();
				return route.fulfill({ response: await route.fetch() });
		}
	};
	await context.route(PATTERN, handler);
	return {
		log,
		// Requests held by a fault now finish as that fault decided; the ones after pass untouched.
		heal: () => context.unrouteAll({ behavior: 'wait' })
	};
}
