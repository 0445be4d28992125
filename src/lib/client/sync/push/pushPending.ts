import { PUSH_BATCH_MAX, SYNC_PROTOCOL, type CommandEnvelope } from '$lib/domain/sync/protocol';
import type { OutboxRow } from '../outbox/outboxRow';
import type { SyncStorage } from '../storage/syncStorage';
import type { SyncTransport } from '../transport/syncTransport';

/** Pushes in a row answered nothing: the server and the device disagree; stop and say so. */
const MAX_FRUITLESS_PUSHES = 3;

export class PushStalledError extends Error {
	constructor() {
		super('error.server');
	}
}

export interface PushDeps {
	storage: SyncStorage;
	transport: SyncTransport;
	deviceId: string;
	batchSize?: number;
	/** Runs one request with a timeout and the engine's stop signal. */
	send<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T>;
	/** The message key recorded on commands whose push failed. */
	describe(error: unknown): string;
	/** The tab is closing or the user signing out: write nothing more. */
	isStopped(): boolean;
}

const envelope = (row: OutboxRow): CommandEnvelope => ({
	id: row.id,
	seq: row.seq,
	kind: row.kind,
	payload: row.payload,
	createdAtMs: row.createdAtMs
});

/**
 * Sends the outbox in seq order, batch by batch, until nothing is left unanswered. Answers are
 * recorded per command (applied → done, refused → refused with its reason, and the queue moves
 * on); a gap answer renumbers and resends from the seq the server expects. A failed request
 * leaves its commands pending with the failure noted, and rejects.
 *
 * @returns how many commands the server answered
 */
export async function pushPending(deps: PushDeps): Promise<number> {
	const { storage, transport } = deps;
	const batchSize = Math.min(deps.batchSize ?? PUSH_BATCH_MAX, PUSH_BATCH_MAX);
	let answered = 0;
	let fruitless = 0;
	for (;;) {
		const batch = await storage.takeBatch(batchSize);
		if (batch.length === 0) return answered;
		let output;
		try {
			output = await deps.send((signal) =>
				transport.push(
					{ protocol: SYNC_PROTOCOL, deviceId: deps.deviceId, commands: batch.map(envelope) },
					signal
				)
			);
		} catch (error) {
			// A closing tab leaves its batch 'sending'; the next start resends it.
			if (!deps.isStopped()) await storage.recordPushFailure(batch, deps.describe(error));
			throw error;
		}
		if (deps.isStopped()) return answered;
		const record = await storage.recordPush(batch, output);
		answered += record.acknowledged;
		fruitless = record.acknowledged === 0 ? fruitless + 1 : 0;
		if (fruitless >= MAX_FRUITLESS_PUSHES) throw new PushStalledError();
	}
}
