import type { TokDb } from '../../db';

/**
 * The person has read why a command was refused: it leaves the outbox. Only refused commands:
 * one still waiting or sent must never disappear (its seq would leave a gap the server waits on).
 */
export async function dismissRefused(db: TokDb, commandId: string): Promise<void> {
	await db.outbox
		.where('id')
		.equals(commandId)
		.and((row) => row.state === 'refused')
		.delete();
}
