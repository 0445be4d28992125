import type { PullOutput, PushOutput } from '$lib/domain/sync/protocol';
import type { OutboxRow } from '../outbox/outboxRow';

/** What a push did to the outbox. */
export interface PushRecord {
	/** Commands answered (applied or refused) by this response. */
	acknowledged: number;
	/** Unacknowledged commands renumbered after a gap answer. */
	renumbered: number;
}

/**
 * Everything the sync engine keeps on the device, as the engine needs it. Each method is one
 * storage transaction, so a tab closed at any moment leaves a state the next start can resume:
 * at worst commands marked 'sending', which `recoverSending` turns back to pending.
 */
export interface SyncStorage {
	/** This device's id towards the server, made once and then kept. */
	deviceId(): Promise<string>;
	/** Commands left 'sending' by a tab that closed mid-push are pending again. */
	recoverSending(): Promise<number>;
	/** Up to `max` unacknowledged commands, lowest seq first, now marked 'sending'. */
	takeBatch(max: number): Promise<OutboxRow[]>;
	/** Records the server's answers; on a gap, renumbers what it has not acknowledged. */
	recordPush(batch: OutboxRow[], output: PushOutput): Promise<PushRecord>;
	/** A push that got no answer: its commands are pending again with the failure noted. */
	recordPushFailure(batch: OutboxRow[], error: string): Promise<void>;
	/** Commands not yet answered by the server (pending or sending). */
	unacknowledgedCount(): Promise<number>;
	/** Ids of commands the server applied, to drop once a pull has brought their rows. */
	appliedIds(): Promise<string[]>;

	cursor(): Promise<string | null>;
	/**
	 * Applies one pull page and its cursor together. On the last page, `dropApplied` commands
	 * leave the outbox in the same transaction, so a server row replaces its optimistic one
	 * without a moment where neither shows; `syncedAtMs` is stored as the last sync time.
	 */
	applyPullPage(
		page: PullOutput,
		last: { dropApplied: string[]; syncedAtMs: number } | null
	): Promise<void>;

	/** The protocol version the server refused as too old, if any. */
	blockedProtocol(): Promise<number | null>;
	setBlockedProtocol(protocol: number | null): Promise<void>;
	/** The last sync failure (a message key), shared with every tab; null when sync works. */
	setLastError(error: string | null): Promise<void>;
}
