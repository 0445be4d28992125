import { fieldMessageKeys } from '$lib/domain/validation';
import type { z } from 'zod';
import { COMMANDS, type CommandKind } from '$lib/domain/sync/commands';
import type { TokDb } from '../../db';
import { readMeta, writeMeta } from '../storage/meta';
import type { OutboxRow } from './outboxRow';
import { uuidv7 } from './uuidv7';

/** A payload its kind's schema refuses; `fields` maps each bad field to its message key. */
export class InvalidCommandError extends Error {
	constructor(readonly fields: Record<string, string>) {
		super('error.invalid_input');
	}
}

export interface EnqueueOptions {
	nowMs?: number;
	/** The command's id; a fresh UUIDv7 unless given (tests make them deterministic). */
	id?: string;
}

/**
 * Validates a command with its kind's schema and stores it as pending, numbered with the
 * device's next seq. Numbering and insert are one transaction over outbox and meta, so two tabs
 * enqueueing at once still get 1, 2, 3 with no gap and no repeat.
 */
export async function enqueueCommand<K extends CommandKind>(
	db: TokDb,
	kind: K,
	payload: z.input<(typeof COMMANDS)[K]>,
	options: EnqueueOptions = {}
): Promise<OutboxRow<K>> {
	const parsed = COMMANDS[kind].safeParse(payload);
	if (!parsed.success) {
		throw new InvalidCommandError(fieldMessageKeys(parsed.error.issues));
	}
	const nowMs = options.nowMs ?? Date.now();
	return db.transaction('rw', db.outbox, db.meta, async () => {
		const seq = (await readMeta(db, 'nextSeq')) ?? 1;
		await writeMeta(db, 'nextSeq', seq + 1);
		const row = {
			id: options.id ?? uuidv7(nowMs),
			seq,
			kind,
			payload: parsed.data,
			createdAtMs: nowMs,
			state: 'pending',
			attempts: 0,
			lastError: null,
			reason: null,
			result: null,
			acknowledgedAtMs: null
		} as OutboxRow<K>;
		await db.outbox.add(row as OutboxRow);
		return row;
	});
}
