import type { CommandKind, CommandPayload } from '$lib/domain/sync/commands';

/**
 * - pending: waiting to be sent (or to be sent again after a failure)
 * - sending: in a push right now; found at startup it means a tab closed mid-push → pending
 * - done: the server applied it; deleted once a pull has brought the server's rows
 * - refused: the server said no, with a reason the person reads; kept until dismissed
 */
export type OutboxState = 'pending' | 'sending' | 'done' | 'refused';

/** States the server has not answered yet: these are what a push sends. */
export const UNACKNOWLEDGED: OutboxState[] = ['pending', 'sending'];

/** One command in the device's outbox. */
export interface OutboxRow<K extends CommandKind = CommandKind> {
	/** UUIDv7 made on the device: the command's identity for the server's de-duplication. */
	id: string;
	/** Per device, 1, 2, 3, … in the order the person acted. */
	seq: number;
	kind: K;
	/** Validated with COMMANDS[kind] before it was stored (defaults filled in). */
	payload: CommandPayload<K>;
	createdAtMs: number;
	state: OutboxState;
	/** Failed deliveries so far. */
	attempts: number;
	/** Message key of the last failed delivery, null once delivered. */
	lastError: string | null;
	/** The server's refusal, a message key ('error.request_not_cancellable'). */
	reason: string | null;
	/** What the server returned when it applied the command. */
	result: unknown;
	/** When the server answered (its clock), null until then. */
	acknowledgedAtMs: number | null;
}
