/**
 * One harness of fakes for the sync tests (as TanStack's offline-transactions tests/harness.ts):
 * a fake network that can fail, lose answers, deliver twice, reorder or hang, in front of the
 * reference server; and a device — a user database on fake-indexeddb with the real storage and
 * the real engine — that can be reloaded as a closed and reopened tab would be.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { z } from 'zod';
import { TokDb } from '../../../src/lib/client/db';
import { SyncEngine, type SyncEngineOptions } from '../../../src/lib/client/sync/engine';
import { enqueueCommand } from '../../../src/lib/client/sync/outbox/enqueue';
import type { OutboxRow } from '../../../src/lib/client/sync/outbox/outboxRow';
import { uuidv7 } from '../../../src/lib/client/sync/outbox/uuidv7';
import { initialSyncStatus, type SyncStatus } from '../../../src/lib/client/sync/status.svelte';
import { DexieSyncStorage } from '../../../src/lib/client/sync/storage/dexieSyncStorage';
import type {
	LiveHandlers,
	SyncTransport
} from '../../../src/lib/client/sync/transport/syncTransport';
import type { COMMANDS, CommandKind } from '../../../src/lib/domain/sync/commands';
import type {
	PullInput,
	PullOutput,
	PushInput,
	PushOutput
} from '../../../src/lib/domain/sync/protocol';
import { FakeSyncServer, type SyncServer } from './fakeServer';

/** What happens to the next push on the way. */
export type PushFault =
	/** Never reaches the server. */
	| 'fail'
	/** Reaches the server; the answer is lost on the way back. */
	| 'lost'
	/** Reaches the server twice (a retrying proxy); the client sees the second answer. */
	| 'duplicate'
	/** Its tail arrives first (the server answers with a gap); the whole arrives later. */
	| 'reorder'
	/** Never answers; `delivered` says whether the server got it. The tab is then closed. */
	| 'hang'
	| 'hangDelivered';

const networkError = () => new TypeError('Failed to fetch');

/** Lets fake-indexeddb and the engine's awaits run, as a real network round trip would. */
const roundTrip = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class FakeNetwork implements SyncTransport {
	/** The network is down: every request fails. */
	down = false;
	nextPushFault: PushFault | null = null;
	/** Deliveries held back on the way, delivered (answers dropped) by `deliverLate`. */
	readonly late: PushInput[] = [];
	readonly pushes: PushInput[] = [];
	private hangStarted: (() => void) | null = null;
	private readonly pokes = new Set<LiveHandlers>();

	/** Replaceable: a test can swap in a server restored from an older backup. */
	constructor(public server: SyncServer) {}

	async push(input: PushInput): Promise<PushOutput> {
		const sent = structuredClone(input);
		this.pushes.push(sent);
		await roundTrip();
		if (this.down) throw networkError();
		const fault = this.nextPushFault;
		this.nextPushFault = null;
		switch (fault) {
			case 'fail':
				throw networkError();
			case 'lost':
				await this.server.push(sent);
				throw networkError();
			case 'duplicate':
				await this.server.push(structuredClone(sent));
				return this.server.push(sent);
			case 'reorder': {
				this.late.push(structuredClone(sent));
				if (sent.commands.length < 2) throw networkError();
				return this.server.push({ ...sent, commands: sent.commands.slice(1) });
			}
			case 'hang':
			case 'hangDelivered':
				if (fault === 'hangDelivered') await this.server.push(sent);
				this.hangStarted?.();
				return new Promise<never>(() => {});
			default:
				return this.server.push(sent);
		}
	}

	async pull(input: PullInput): Promise<PullOutput> {
		await roundTrip();
		if (this.down) throw networkError();
		return structuredClone(await this.server.pull(input));
	}

	live(_input: { protocol: number }, handlers: LiveHandlers): () => void {
		this.pokes.add(handlers);
		return () => this.pokes.delete(handlers);
	}

	/** Resolves when a push with a hang fault has reached the network. */
	whenHung(): Promise<void> {
		return new Promise((resolve) => (this.hangStarted = resolve));
	}

	/** One held-back delivery finally reaches the server; nobody is listening for its answer. */
	async deliverLate(index = 0): Promise<void> {
		const [input] = this.late.splice(index % Math.max(1, this.late.length), 1);
		if (!input) return;
		try {
			await this.server.push(input);
		} catch {
			// A late delivery refused as a whole (update required) changes nothing.
		}
	}
}

let dbCounter = 0;

/** Opens a user database on fake-indexeddb (node has no IndexedDB). */
export const testDb = (name: string) => new TokDb(name, { indexedDB, IDBKeyRange });

/** A signed-in user's device: their database, the real storage and the real engine. */
export class Device {
	db: TokDb;
	storage: DexieSyncStorage;
	engine: SyncEngine;
	status: SyncStatus = { ...initialSyncStatus(), online: true };
	private clock = 1_760_000_000_000;
	private idCounter = 0;

	constructor(
		readonly network: SyncTransport,
		readonly name = `tok-test-${++dbCounter}`,
		private readonly engineOptions: Partial<SyncEngineOptions> = {}
	) {
		this.db = testDb(name);
		this.storage = new DexieSyncStorage(this.db);
		this.engine = this.makeEngine();
	}

	private makeEngine(): SyncEngine {
		return new SyncEngine({
			storage: this.storage,
			transport: this.network,
			status: this.status,
			now: () => this.clock,
			timeoutMs: 60_000,
			...this.engineOptions
		});
	}

	/** Deterministic ids, so that a seed replays exactly. */
	nextId(): string {
		const n = ++this.idCounter;
		return uuidv7(this.tick(), (bytes) => {
			for (let i = 0; i < bytes.length; i++) bytes[i] = (n * 31 + i * 17) % 256;
			new DataView(bytes.buffer).setUint32(12, n);
		});
	}

	tick(): number {
		return ++this.clock;
	}

	enqueue<K extends CommandKind>(
		kind: K,
		payload: z.input<(typeof COMMANDS)[K]>
	): Promise<OutboxRow<K>> {
		return enqueueCommand(this.db, kind, payload, { nowMs: this.tick(), id: this.nextId() });
	}

	createRequest(
		accountId = 1,
		kind: 'disconnection' | 'meter_replacement' | 'inspection' | 'sealing' = 'inspection'
	) {
		return this.enqueue('request.create', { accountId, kind, requestId: this.nextId() });
	}

	/** The tab is closed (whatever it was doing) and opened again: state comes from storage only. */
	async reload(): Promise<void> {
		this.engine.stop();
		this.db.close();
		this.db = testDb(this.name);
		this.storage = new DexieSyncStorage(this.db);
		this.status = { ...initialSyncStatus(), online: true };
		this.engine = this.makeEngine();
		await this.engine.start();
	}

	outbox(): Promise<OutboxRow[]> {
		return this.db.outbox.orderBy('seq').toArray();
	}

	async destroy(): Promise<void> {
		this.engine.stop();
		await this.db.delete();
	}
}

export async function aDevice(
	server = new FakeSyncServer(),
	engineOptions: Partial<SyncEngineOptions> = {}
): Promise<{ server: FakeSyncServer; network: FakeNetwork; device: Device }> {
	const network = new FakeNetwork(server);
	const device = new Device(network, undefined, engineOptions);
	await device.engine.start();
	return { server, network, device };
}
