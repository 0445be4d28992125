import type { Db } from '../db';
import { AUDIT_EVENTS, type AuditEvent } from '../../domain/auditEvents';

/**
 * The audit log: every sign-in, failure, lockout, reset, SMS sent, OneID link, refusal and
 * unlink, appended and never changed. Callers pass masked subjects (domain/masking.ts).
 */
export { AUDIT_EVENTS, type AuditEvent };

export interface AuditEntry {
	event: AuditEvent;
	userId?: number | null;
	subject?: string;
	address?: string;
	detail?: Record<string, unknown>;
	atMs: number;
}

export interface AuditRow {
	id: number;
	atMs: number;
	event: AuditEvent;
	userId: number | null;
	/** The user's login, so that the office reads who rather than a number. */
	userLogin: string | null;
	subject: string;
	address: string;
	detail: Record<string, unknown>;
}

/** Appends one event. Runs inside the caller's transaction when there is one. */
export function recordAudit(db: Db, entry: AuditEntry): void {
	db.$client
		.prepare(
			'insert into audit_log (at_ms, event, user_id, subject, address, detail) values (?, ?, ?, ?, ?, ?)'
		)
		.run(
			entry.atMs,
			entry.event,
			entry.userId ?? null,
			entry.subject ?? '',
			entry.address ?? '',
			JSON.stringify(entry.detail ?? {})
		);
}

/** Newest first, `limit` rows before the row id `beforeId` (paging), optionally one event kind. */
export function listAudit(
	db: Db,
	query: { limit: number; beforeId?: number; event?: AuditEvent; userId?: number }
): AuditRow[] {
	const where: string[] = [];
	const args: unknown[] = [];
	if (query.beforeId !== undefined) {
		where.push('a.id < ?');
		args.push(query.beforeId);
	}
	if (query.event !== undefined) {
		where.push('a.event = ?');
		args.push(query.event);
	}
	if (query.userId !== undefined) {
		where.push('a.user_id = ?');
		args.push(query.userId);
	}
	const rows = db.$client
		.prepare(
			`select a.id, a.at_ms as atMs, a.event, a.user_id as userId, u.login as userLogin, a.subject,
			 a.address, a.detail from audit_log a left join users u on u.id = a.user_id
			 ${where.length ? `where ${where.join(' and ')}` : ''} order by a.id desc limit ?`
		)
		.all(...args, query.limit) as Array<Omit<AuditRow, 'detail'> & { detail: string }>;
	return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}
