import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../src/lib/client/sync/outbox/uuidv7';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('command ids (UUIDv7)', () => {
	it('are well-formed UUIDs of version 7 with the RFC variant', () => {
		for (let i = 0; i < 100; i++) expect(uuidv7()).toMatch(UUID);
	});

	it('carry the millisecond they were made in their first 48 bits', () => {
		const ms = Date.UTC(2026, 10, 25, 12, 0, 0, 123);
		const id = uuidv7(ms);
		expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(ms);
	});

	it('made later sort after made earlier', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 2 ** 48 - 2 }),
				fc.integer({ min: 1, max: 10_000 }),
				(t, later) => {
					expect(uuidv7(t) < uuidv7(Math.min(t + later, 2 ** 48 - 1))).toBe(true);
				}
			),
			{ seed: 7 }
		);
	});

	it('made in the same millisecond still differ', () => {
		const ids = new Set(Array.from({ length: 1000 }, () => uuidv7(1_760_000_000_000)));
		expect(ids.size).toBe(1000);
	});

	it('pass the command schema the server checks', async () => {
		const { COMMANDS } = await import('../../../src/lib/domain/sync/commands');
		expect(COMMANDS['request.cancel'].safeParse({ requestId: uuidv7() }).success).toBe(true);
	});
});
