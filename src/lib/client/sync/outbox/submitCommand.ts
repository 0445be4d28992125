import type { z } from 'zod';
import type { COMMANDS, CommandKind } from '$lib/domain/sync/commands';
import type { TokDb } from '../../db';
import { requestBackgroundSync } from '../coordination/backgroundSync';
import { enqueueCommand } from './enqueue';
import type { OutboxRow } from './outboxRow';

/**
 * What a page calls when the person acts: the command goes into the outbox (it shows at once
 * through the optimistic view), and the leading tab — this one or another — sends it when it can.
 */
export async function submitCommand<K extends CommandKind>(
	db: TokDb,
	kind: K,
	payload: z.input<(typeof COMMANDS)[K]>
): Promise<OutboxRow<K>> {
	const row = await enqueueCommand(db, kind, payload);
	void requestBackgroundSync();
	return row;
}
