import type { SyncEngine, SyncOutcome, SyncRequest } from '../engine';
import { nextDelayMs } from '../retry/backoff';
import type { SyncTransport } from '../transport/syncTransport';
import { keepLive } from './liveConnection';
import { listenForTriggers } from './triggers';

export interface SchedulerOptions {
	engine: SyncEngine;
	transport: SyncTransport;
	isOnline(): boolean;
	/** Calls back whenever a command is added to the outbox, in this tab or another. */
	watchOutbox(onChange: () => void): () => void;
	onSignedOut(): void;
	random?: () => number;
}

/**
 * Decides when the leading tab syncs: at start, when the network comes back, when the app comes
 * to the front, when a command is queued (here or in another tab), when the service worker's
 * Background Sync fires, on each poke from the server while online, on "Sync now" — and after a
 * failure, again after a backoff with jitter, for as long as it keeps failing.
 */
export class SyncScheduler {
	private failures = 0;
	private retryTimer: ReturnType<typeof setTimeout> | undefined;
	private stopLive: (() => void) | null = null;
	private stopped = false;
	private readonly random: () => number;

	constructor(private readonly options: SchedulerOptions) {
		this.random = options.random ?? Math.random;
	}

	/** Starts the engine and the triggers; returns how to stop them all. */
	start(): () => void {
		const { engine } = this.options;
		const stopTriggers = listenForTriggers({
			online: () => {
				this.failures = 0;
				this.connectLive();
				this.run();
			},
			offline: () => this.disconnectLive(),
			visible: () => this.run(),
			flush: () => this.run({ pull: false })
		});
		let stopWatching: (() => void) | null = null;
		engine.start().then(
			() => {
				if (this.stopped) return;
				stopWatching = this.options.watchOutbox(() => this.run({ pull: false }));
				this.connectLive();
				this.run();
			},
			(error: unknown) => console.error('sync could not start', error)
		);
		return () => {
			this.stopped = true;
			clearTimeout(this.retryTimer);
			stopTriggers();
			stopWatching?.();
			this.disconnectLive();
			engine.stop();
		};
	}

	/** Syncs now (a "Sync now" press passes `manual`). Offline, waits for the network instead. */
	run(request: SyncRequest = {}): void {
		if (this.stopped || (!request.manual && !this.options.isOnline())) return;
		clearTimeout(this.retryTimer);
		this.options.engine.sync(request).then(
			(outcome) => this.settled(outcome),
			(error: unknown) => {
				if (!this.stopped) console.error('sync failed unexpectedly', error);
			}
		);
	}

	private settled(outcome: SyncOutcome): void {
		if (this.stopped) return;
		if (outcome.signedOut) return this.options.onSignedOut();
		if (outcome.ok) {
			this.failures = 0;
			return this.connectLive();
		}
		if (outcome.updateRequired) return this.disconnectLive();
		const delay = nextDelayMs(this.failures++, this.random());
		this.retryTimer = setTimeout(() => this.run(), delay);
	}

	private connectLive(): void {
		if (this.stopLive || this.stopped || this.options.engine.updateRequired) return;
		if (!this.options.isOnline()) return;
		this.stopLive = keepLive(this.options.transport, {
			onPoke: () => this.run(),
			onUpdateRequired: () => this.run(),
			random: this.random
		});
	}

	private disconnectLive(): void {
		this.stopLive?.();
		this.stopLive = null;
	}
}
