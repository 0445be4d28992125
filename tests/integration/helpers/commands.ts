import { randomUUID } from 'node:crypto';
import type { CommandEnvelope } from '../../../src/lib/domain/sync/protocol';
import { SYNC_PROTOCOL } from '../../../src/lib/domain/sync/protocol';

let counter = 0;

/** A UUIDv7-shaped id (time-ordered prefix, version 7): unique per call. */
export function uuidv7(): string {
	const hex = (Date.now() * 1000 + (counter++ % 1000)).toString(16).padStart(12, '0').slice(-12);
	const rest = randomUUID().replace(/-/g, '');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${rest.slice(13, 16)}-${'89ab'[counter % 4]}${rest.slice(17, 20)}-${rest.slice(20, 32)}`;
}

/** Builds a device's commands with consecutive seqs. */
export function aDevice(deviceId = randomUUID()) {
	let seq = 0;
	return {
		deviceId,
		command(
			kind: string,
			payload: unknown,
			overrides: Partial<CommandEnvelope> = {}
		): CommandEnvelope {
			return { id: uuidv7(), seq: ++seq, kind, payload, createdAtMs: 1, ...overrides };
		},
		createRequest(accountId: number, kind = 'inspection', extra: Record<string, unknown> = {}) {
			const requestId = uuidv7();
			return {
				requestId,
				command: this.command('request.create', { requestId, accountId, kind, ...extra })
			};
		},
		push(commands: CommandEnvelope[]) {
			return { protocol: SYNC_PROTOCOL, deviceId, commands };
		}
	};
}
