import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepLive } from '../../../src/lib/client/sync/coordination/liveConnection';
import type {
	LiveHandlers,
	SyncTransport
} from '../../../src/lib/client/sync/transport/syncTransport';
import { updateRequiredError } from './fakeServer';

function aLiveServer() {
	const connections: LiveHandlers[] = [];
	let open = 0;
	const transport: SyncTransport = {
		push: () => Promise.reject(new Error('not used')),
		pull: () => Promise.reject(new Error('not used')),
		live(_input, handlers) {
			connections.push(handlers);
			open++;
			return () => open--;
		}
	};
	return { transport, connections, open: () => open };
}

afterEach(() => {
	vi.useRealTimers();
});

describe('the live connection', () => {
	it('each poke from the server asks for a pull', () => {
		const server = aLiveServer();
		const onPoke = vi.fn();
		const close = keepLive(server.transport, { onPoke, onUpdateRequired: vi.fn() });
		server.connections[0].onPoke(0);
		server.connections[0].onPoke(0);
		expect(onPoke).toHaveBeenCalledTimes(2);
		close();
		expect(server.open()).toBe(0);
	});

	it('a broadcast poke waits a random part of its spread, several make one pull, and a direct poke goes at once', () => {
		vi.useFakeTimers();
		const server = aLiveServer();
		const onPoke = vi.fn();
		const close = keepLive(server.transport, {
			onPoke,
			onUpdateRequired: vi.fn(),
			random: () => 0.5
		});
		const live = server.connections[0];
		live.onPoke(30_000);
		live.onPoke(30_000);
		vi.advanceTimersByTime(14_999);
		expect(onPoke).not.toHaveBeenCalled();
		vi.advanceTimersByTime(1);
		expect(onPoke).toHaveBeenCalledTimes(1);
		vi.advanceTimersByTime(60_000);
		expect(onPoke).toHaveBeenCalledTimes(1);

		// Waiting for a broadcast, a change meant for this user is not held back.
		live.onPoke(30_000);
		live.onPoke(0);
		expect(onPoke).toHaveBeenCalledTimes(2);
		vi.advanceTimersByTime(60_000);
		expect(onPoke).toHaveBeenCalledTimes(2);

		// A server asking for an absurd spread is capped.
		live.onPoke(10 * 24 * 3600_000);
		vi.advanceTimersByTime(60_000);
		expect(onPoke).toHaveBeenCalledTimes(3);
		close();
	});

	it('closing drops a pull still waiting for its spread', () => {
		vi.useFakeTimers();
		const server = aLiveServer();
		const onPoke = vi.fn();
		const close = keepLive(server.transport, {
			onPoke,
			onUpdateRequired: vi.fn(),
			random: () => 1
		});
		server.connections[0].onPoke(30_000);
		close();
		vi.advanceTimersByTime(60_000);
		expect(onPoke).not.toHaveBeenCalled();
	});

	it('when it drops, it reconnects after a backoff that grows while it keeps dropping', () => {
		vi.useFakeTimers();
		const server = aLiveServer();
		const close = keepLive(server.transport, {
			onPoke: vi.fn(),
			onUpdateRequired: vi.fn(),
			random: () => 0
		});
		server.connections[0].onEnd(new TypeError('network'));
		vi.advanceTimersByTime(999);
		expect(server.connections).toHaveLength(1);
		vi.advanceTimersByTime(1);
		expect(server.connections).toHaveLength(2);

		server.connections[1].onEnd(null);
		vi.advanceTimersByTime(1_999);
		expect(server.connections).toHaveLength(2);
		vi.advanceTimersByTime(1);
		expect(server.connections).toHaveLength(3);

		// A poke means the connection works: the next drop waits the shortest time again.
		server.connections[2].onPoke(0);
		server.connections[2].onEnd(null);
		vi.advanceTimersByTime(1_000);
		expect(server.connections).toHaveLength(4);
		close();
	});

	it('closed by the app, it does not come back', () => {
		vi.useFakeTimers();
		const server = aLiveServer();
		const close = keepLive(server.transport, { onPoke: vi.fn(), onUpdateRequired: vi.fn() });
		server.connections[0].onEnd(new TypeError('network'));
		close();
		vi.advanceTimersByTime(10 * 60_000);
		expect(server.connections).toHaveLength(1);
	});

	it('an app too old for the server stops reconnecting and says so', () => {
		vi.useFakeTimers();
		const server = aLiveServer();
		const onUpdateRequired = vi.fn();
		keepLive(server.transport, { onPoke: vi.fn(), onUpdateRequired });
		server.connections[0].onEnd(updateRequiredError());
		vi.advanceTimersByTime(10 * 60_000);
		expect(onUpdateRequired).toHaveBeenCalledOnce();
		expect(server.connections).toHaveLength(1);
	});
});
