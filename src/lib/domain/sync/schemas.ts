import { z } from 'zod';
import { PULL_LIMIT_MAX, PUSH_BATCH_MAX } from './limits';

// The inputs of sync.push and sync.pull, checked at the server's edge (their types are in protocol.ts).

// Matched without regard to case, so stored in lower case: de-duplication compares exactly.
const uuid = z
	.string()
	.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
		error: 'error.invalid_input'
	})
	.transform((id) => id.toLowerCase());

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

export const pushInput = z.object({
	protocol: z.number().int(),
	deviceId: uuid,
	commands: z.array(commandEnvelope).min(1).max(PUSH_BATCH_MAX)
});

export const pullInput = z.object({
	protocol: z.number().int(),
	/** Opaque; null on a device's first pull. */
	cursor: z.string().max(4096).nullable(),
	limit: z.number().int().min(1).max(PULL_LIMIT_MAX).default(500)
});
