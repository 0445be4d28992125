import type { z } from 'zod';
import type { commandEnvelope, pullInput, pushInput } from './schemas';

/**
 * The sync protocol between a device's outbox and the server; its version and limits are in
 * limits.ts. The zod schemas of the inputs live in schemas.ts, for the server: the phone's sync
 * engine needs only these constants and types, and zod would be a quarter of its first page.
 */
export { MIN_CLIENT_PROTOCOL, PULL_LIMIT_MAX, PUSH_BATCH_MAX, SYNC_PROTOCOL } from './limits';

/**
 * A poke says "pull". One that goes to everyone online (a tariff published, a month billed)
 * carries `spreadMs`: each phone waits a random part of it first, so that the server is not hit
 * by every phone in the same second. Phones cap what they accept at POKE_SPREAD_MAX_MS.
 */
export interface Poke {
	type: 'poke';
	spreadMs?: number;
}
export const BROADCAST_SPREAD_MS = 30_000;
export const POKE_SPREAD_MAX_MS = 120_000;

export type CommandEnvelope = z.infer<typeof commandEnvelope>;
export type PushInput = z.infer<typeof pushInput>;
export type PullInput = z.infer<typeof pullInput>;

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
