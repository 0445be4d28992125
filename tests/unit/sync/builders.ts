import type { OutboxRow } from '../../../src/lib/client/sync/outbox/outboxRow';
import { COMMANDS, type CommandKind } from '../../../src/lib/domain/sync/commands';
import type { RequestRow } from '../../../src/lib/domain/sync/tables';
import type { z } from 'zod';

let n = 0;
/** A UUIDv7-shaped id, distinct per call. */
export const anId = () => `0190a000-0000-7000-8000-${String(++n).padStart(12, '0')}`;

export function aRequestRow(overrides: Partial<RequestRow> = {}): RequestRow {
	const at = 1_760_000_000_000;
	return {
		id: anId(),
		accountId: 1,
		kind: 'inspection',
		status: 'submitted',
		reason: '',
		note: '',
		contactPhone: null,
		preferredDate: null,
		statusReason: null,
		sealNumber: null,
		createdAtMs: at,
		updatedAtMs: at,
		history: [{ status: 'submitted', atMs: at, reason: null }],
		...overrides
	};
}

let seq = 0;
export function aCommand<K extends CommandKind>(
	kind: K,
	payload: z.input<(typeof COMMANDS)[K]>,
	overrides: Partial<OutboxRow<K>> = {}
): OutboxRow<K> {
	return {
		id: anId(),
		seq: ++seq,
		kind,
		payload: COMMANDS[kind].parse(payload) as OutboxRow<K>['payload'],
		createdAtMs: 1_760_000_100_000 + seq,
		state: 'pending',
		attempts: 0,
		lastError: null,
		reason: null,
		result: null,
		acknowledgedAtMs: null,
		...overrides
	};
}
