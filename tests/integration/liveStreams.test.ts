import { describe, expect, it } from 'vitest';
import { LiveHub, MAX_LIVE_STREAMS_PER_USER, pokes } from '../../src/lib/server/sync/live';

// A probe held 2,000 sync.live streams for one user: each costs a connection and a listener.
describe('open sync.live streams per user', () => {
	it(`a user holds at most ${MAX_LIVE_STREAMS_PER_USER}; opening one more closes the oldest`, async () => {
		const hub = new LiveHub();
		const streams = Array.from({ length: 2000 }, () => pokes(hub, 7));
		expect(hub.connectionCount).toBe(MAX_LIVE_STREAMS_PER_USER);
		// Each stream's first poke is there at once; the oldest then end, the newest wait for pokes.
		for (const s of streams) await s.next();
		const oldest = await Promise.race([
			streams[0].next(),
			new Promise((resolve) => setTimeout(() => resolve('still open'), 50))
		]);
		expect(oldest).toEqual({ value: undefined, done: true });
		const newest = streams.at(-1)!;
		const poked = newest.next();
		hub.pokeUsers([7]);
		expect(await poked).toEqual({ value: { type: 'poke' }, done: false });
		for (const s of streams) await s.return?.();
		expect(hub.connectionCount).toBe(0);
	});

	it('another user’s streams are not counted against this one', () => {
		const hub = new LiveHub();
		for (let i = 0; i < MAX_LIVE_STREAMS_PER_USER; i++) pokes(hub, 1);
		for (let i = 0; i < MAX_LIVE_STREAMS_PER_USER; i++) pokes(hub, 2);
		expect(hub.connectionCount).toBe(2 * MAX_LIVE_STREAMS_PER_USER);
	});
});
