import { z } from 'zod';

/**
 * The sync protocol between a device's outbox and the server. Bump SYNC_PROTOCOL when the
 * shapes below change incompatibly; the server refuses clients older than MIN_CLIENT_PROTOCOL
 * with 'error.update_required', and such a client keeps its outbox until it has updated.
 */
export const SYNC_PROTOCOL = 1;
export const MIN_CLIENT_PROTOCOL = 1;
export const PUSH_BATCH_MAX = 500;
export const PULL_LIMIT_MAX = 2000;

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
	error: 'error.invalid_input'
});

export const commandEnvelope = z.object({
	/** Client-made UUIDv7: the command's identity for de-duplication. */
	id: uuid,
	/** Per-device sequence number, 1, 2, 3, … with no gaps, in the order the person acted. */
	seq: z.number().int().positive(),
	kind: z.string().min(1).max(64),
	payload: z.unknown(),
	/** The phone's clock, for display only; the server stamps its own time. */
	createdAtMs: z.number().int().nonnegative()
});
export type CommandEnvelope = z.infer<typeof commandEnvelope>;

export const pushInput = z.object({
	protocol: z.number().int(),
	deviceId: uuid,
	commands: z.array(commandEnvelope).min(1).max(PUSH_BATCH_MAX)
});
export type PushInput = z.infer<typeof pushInput>;

export type CommandResult =
	| { id: string; seq: number; status: 'applied'; result: unknown; appliedAtMs: number }
	| { id: string; seq: number; status: 'refused'; reason: string; appliedAtMs: number };

export interface PushOutput {
	/** One result per command applied or found already applied, in order. */
	results: CommandResult[];
	/**
	 * Set when a command's seq is not the next one the server expects from this device: the
	 * server stopped there, and the client resends from `expectedSeq` in order.
	 */
	gap: { expectedSeq: number } | null;
}

export const pullInput = z.object({
	protocol: z.number().int(),
	/** Opaque; null on a device's first pull. */
	cursor: z.string().max(4096).nullable(),
	limit: z.number().int().min(1).max(PULL_LIMIT_MAX).default(500)
});
export type PullInput = z.infer<typeof pullInput>;

export type PullChange =
	| { table: string; op: 'put'; row: Record<string, unknown> & { id: string | number } }
	| { table: string; op: 'delete'; id: string | number };

export interface PullOutput {
	changes: PullChange[];
	cursor: string;
	/** More pages wait; pull again with `cursor` at once. */
	more: boolean;
	/** Rows changed since the cursor in all (this page included), for a first-sync progress bar. */
	remaining: number;
	/** Accounts no longer visible to this user: the client deletes everything of theirs. */
	droppedAccountIds: number[];
	serverTimeMs: number;
}
