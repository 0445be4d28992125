import type { CommandKind } from '$lib/domain/sync/commands';
import { EFFECTS, type ClientEffect, type ViewRows } from '../effects';
import type { OutboxRow } from '../outbox/outboxRow';

/**
 * Lays the outbox over server rows of one table, command by command in seq order (the order the
 * person acted in), through each kind's effect. Pure: the same rows and commands give the same view.
 */
export function applyEffects<T extends keyof ViewRows>(
	table: T,
	rows: ViewRows[T][],
	commands: OutboxRow[]
): ViewRows[T][] {
	return [...commands]
		.sort((a, b) => a.seq - b.seq)
		.reduce((view, command) => {
			// The registry pairs each kind with its own effect; TypeScript cannot see that here.
			const effect = (EFFECTS[command.kind] as ClientEffect<CommandKind>)[table];
			return effect ? effect(view, command) : view;
		}, rows);
}
