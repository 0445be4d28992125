import type { Db } from '../../../src/lib/server/db';
import type { RequestKind } from '../../../src/lib/domain/sync/commands';
import { uuidv7 } from '../../../src/lib/domain/uuidv7';

/**
 * A resident's request as the server holds it after `request.create` (filed `createdAtMs`,
 * submitted), written straight to the tables so that a test can file several of one kind or
 * date them in the past.
 */
export function aRequest(
	db: Db,
	accountId: number,
	overrides: { kind?: RequestKind; createdAtMs?: number; id?: string } = {}
): string {
	const id = overrides.id ?? uuidv7(overrides.createdAtMs);
	const atMs = overrides.createdAtMs ?? Date.parse('2026-10-30T09:00:00Z');
	db.$client
		.prepare(
			`insert into service_requests (id, account_id, kind, status, reason, note, created_at_ms, updated_at_ms, version)
			 values (?, ?, ?, 'submitted', '', '', ?, ?, 0)`
		)
		.run(id, accountId, overrides.kind ?? 'inspection', atMs, atMs);
	db.$client
		.prepare(
			`insert into request_events (request_id, status, reason, by_user_id, at_ms) values (?, 'submitted', null, null, ?)`
		)
		.run(id, atMs);
	return id;
}

export const userIdOf = (db: Db, login: string) =>
	(db.$client.prepare('select id from users where login = ?').get(login) as { id: number }).id;
