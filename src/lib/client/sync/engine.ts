import { SYNC_PROTOCOL } from '$lib/domain/sync/protocol';
import type { MessageKey } from '$lib/i18n/index.svelte';
import { readableError, type ReadableError } from '../handleError';
import { pullChanges } from './pull/pullChanges';
import { pushPending } from './push/pushPending';
import type { SyncStatus } from './status.svelte';
import type { SyncStorage } from './storage/syncStorage';
import type { SyncTransport } from './transport/syncTransport';
import { withTimeout } from './transport/withTimeout';

export interface SyncEngineOptions {
	storage: SyncStorage;
	transport: SyncTransport;
	/** Where the engine reports what it does; the app passes `syncStatus`. */
	status: SyncStatus;
	now?: () => number;
	/** Per request; a request without an answer by then counts as a network failure. */
	timeoutMs?: number;
	batchSize?: number;
	pullLimit?: number;
	describe?: (error: unknown) => ReadableError;
}

export interface SyncRequest {
	/** Pull as well (default). A push that delivered something always pulls after it. */
	pull?: boolean;
	/** The person pressed "Sync now": try even if the server said this version is too old. */
	manual?: boolean;
}

export interface SyncOutcome {
	ok: boolean;
	error: MessageKey | null;
	/** The server no longer knows this session. */
	signedOut: boolean;
	updateRequired: boolean;
	/** Commands still waiting for an answer from the server. */
	unacknowledged: number;
}

const UPDATE_REQUIRED = 'error.update_required';
const NO_CONNECTION = 'error.network';

/**
 * Moves the outbox to the server and the server's changes to the device: each `sync()` pushes
 * everything pending, then pulls. One cycle runs at a time; asking while one runs adds the request
 * to the running one instead of starting a second. It knows no command kind and no table: the
 * registries (domain/sync/commands, tables) do.
 *
 * The engine does not decide when to sync: the scheduler (coordination/) calls `sync()` on its
 * triggers. That keeps the engine driveable step by step in tests.
 */
export class SyncEngine {
	private readonly storage: SyncStorage;
	private readonly transport: SyncTransport;
	private readonly status: SyncStatus;
	private readonly now: () => number;
	private readonly timeoutMs: number;
	private readonly describe: (error: unknown) => ReadableError;
	private readonly stopController = new AbortController();
	private deviceId: string | null = null;
	private blocked = false;
	private pending: Required<SyncRequest> | null = null;
	private running: Promise<SyncOutcome> | null = null;

	constructor(private readonly options: SyncEngineOptions) {
		this.storage = options.storage;
		this.transport = options.transport;
		this.status = options.status;
		this.now = options.now ?? Date.now;
		this.timeoutMs = options.timeoutMs ?? 30_000;
		this.describe = options.describe ?? readableError;
	}

	/**
	 * Rebuilds the engine's state from storage: commands a closed tab left 'sending' are pending
	 * again (the server's de-duplication absorbs a second delivery), and a refusal of this
	 * protocol version is remembered so that the app does not knock again until it is updated.
	 */
	async start(): Promise<void> {
		await this.storage.recoverSending();
		const blocked = await this.storage.blockedProtocol();
		this.blocked = blocked === SYNC_PROTOCOL;
		if (blocked !== null && !this.blocked) await this.storage.setBlockedProtocol(null);
		this.status.updateRequired = this.blocked;
	}

	/** Pushes, then pulls; resolves when this request (and any added meanwhile) is done. */
	sync(request: SyncRequest = {}): Promise<SyncOutcome> {
		this.pending = {
			pull: (this.pending?.pull ?? false) || (request.pull ?? true),
			manual: (this.pending?.manual ?? false) || (request.manual ?? false)
		};
		this.running ??= this.drain();
		return this.running;
	}

	/** The tab is closing or the user signs out: abort what is in flight and write nothing more. */
	stop(): void {
		this.stopController.abort(new DOMException('Sync stopped', 'AbortError'));
	}

	get stopped(): boolean {
		return this.stopController.signal.aborted;
	}

	get updateRequired(): boolean {
		return this.blocked;
	}

	private async drain(): Promise<SyncOutcome> {
		let outcome = this.outcome({ ok: true });
		// Yield once so that sync() has stored this promise before the loop can end and clear it;
		// from here on, checking for a pending request and clearing `running` happen in one synchronous step.
		await Promise.resolve();
		try {
			while (this.pending && !this.stopped) {
				const request = this.pending;
				this.pending = null;
				outcome = await this.cycle(request);
				// The next trigger (a timer with backoff, the network coming back) tries again.
				if (!outcome.ok) this.pending = null;
			}
		} finally {
			this.running = null;
		}
		return outcome;
	}

	private async cycle(request: Required<SyncRequest>): Promise<SyncOutcome> {
		if (this.blocked && !request.manual)
			return this.outcome({ ok: false, updateRequired: true, unacknowledged: await this.count() });
		const send = <T>(run: (signal: AbortSignal) => Promise<T>) =>
			withTimeout(run, this.timeoutMs, this.stopController.signal);
		const isStopped = () => this.stopped;
		this.status.syncing = true;
		try {
			this.deviceId ??= await this.storage.deviceId();
			const answered = await pushPending({
				storage: this.storage,
				transport: this.transport,
				deviceId: this.deviceId,
				batchSize: this.options.batchSize,
				send,
				describe: (error) => this.describe(error).message,
				isStopped
			});
			if (this.stopped) return this.outcome({ ok: false });
			if (request.pull || answered > 0) {
				await pullChanges({
					storage: this.storage,
					transport: this.transport,
					limit: this.options.pullLimit,
					send,
					now: this.now,
					onProgress: (progress) => (this.status.progress = progress),
					isStopped
				});
				if (this.stopped) return this.outcome({ ok: false });
				this.status.lastSyncedAtMs = this.now();
			}
			if (this.blocked) await this.unblock();
			// The answer proves the network was there, but a sync that started before the device
			// went offline may end after its 'offline' event: the device's word then stands.
			this.status.online = globalThis.navigator?.onLine ?? true;
			this.status.lastError = null;
			await this.storage.setLastError(null);
			return this.outcome({ ok: true, unacknowledged: await this.count() });
		} catch (error) {
			if (this.stopped) return this.outcome({ ok: false });
			return await this.failed(error);
		} finally {
			this.status.syncing = false;
			this.status.progress = null;
		}
	}

	private async failed(error: unknown): Promise<SyncOutcome> {
		const readable = this.describe(error);
		if (readable.message === UPDATE_REQUIRED) {
			// Nothing is pushed or pulled until the app is updated; the outbox stays as it is.
			this.blocked = true;
			this.status.updateRequired = true;
			await this.storage.setBlockedProtocol(SYNC_PROTOCOL);
			return this.outcome({ ok: false, updateRequired: true, unacknowledged: await this.count() });
		}
		// navigator.onLine only knows whether there is a network interface, not whether the server
		// can be reached (a phone on a dead 2G cell, a captive Wi-Fi, a reload whose page the
		// service worker served): a sync that got no answer means offline for the person.
		if (readable.message === NO_CONNECTION) this.status.online = false;
		this.status.lastError = readable.message;
		await this.storage.setLastError(readable.message);
		return this.outcome({
			ok: false,
			error: readable.message,
			signedOut: readable.signedOut,
			unacknowledged: await this.count()
		});
	}

	private async unblock(): Promise<void> {
		this.blocked = false;
		this.status.updateRequired = false;
		await this.storage.setBlockedProtocol(null);
	}

	private count(): Promise<number> {
		return this.storage.unacknowledgedCount();
	}

	private outcome(partial: Partial<SyncOutcome> & { ok: boolean }): SyncOutcome {
		return {
			error: null,
			signedOut: false,
			updateRequired: this.blocked,
			unacknowledged: 0,
			...partial
		};
	}
}
