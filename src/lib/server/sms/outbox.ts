import type { Db } from '../db';
import { maskPhone } from '../../domain/masking';
import { smsSize } from '../../domain/sms/segments';
import { recordAudit } from '../services/audit';
import { SmsSendError, type SmsDriver } from './driver';

// The SMS queue: a message is written here in the same transaction as what caused it (a new
// password, say), then handed to the gateway by drainSmsOutbox — right after, and again by the
// worker with backoff while the gateway is down. Nothing is lost to an outage or a restart.

export type SmsKind = 'credentials' | 'not_registered' | 'help';

/** No more than this many SMS to one phone in SMS_CAP_WINDOW_MS, whatever they are. */
export const SMS_PER_PHONE_MAX = 3;
export const SMS_CAP_WINDOW_MS = 60 * 60 * 1000;
/** First retry after this long, doubling each time up to SMS_RETRY_MAX_MS. */
export const SMS_RETRY_FIRST_MS = 30_000;
export const SMS_RETRY_MAX_MS = 30 * 60 * 1000;
/** A message the gateway has not taken within this long is given up (and logged as failed). */
export const SMS_GIVE_UP_MS = 24 * 60 * 60 * 1000;
/** A claimed message is not picked again for this long (a send that hangs, a crash mid-send). */
const CLAIM_MS = 2 * 60 * 1000;

export interface NewSms {
	toPhone: string;
	kind: SmsKind;
	text: string;
	/** What operators may read: the text with any password blanked. */
	logText: string;
	userId?: number | null;
}

/** Queues one SMS. Call inside the transaction that makes it necessary. */
export function enqueueSms(db: Db, sms: NewSms, nowMs: number): number {
	const row = db.$client
		.prepare(
			`insert into sms_messages (to_phone, kind, text, log_text, status, attempts, next_attempt_at_ms, created_at_ms, user_id)
			 values (?, ?, ?, ?, 'queued', 0, ?, ?, ?) returning id`
		)
		.get(sms.toPhone, sms.kind, sms.text, sms.logText, nowMs, nowMs, sms.userId ?? null) as {
		id: number;
	};
	return row.id;
}

/** SMS queued for a phone within the cap's window (sent, waiting or failed alike). */
export function smsCountToPhone(db: Db, toPhone: string, nowMs: number): number {
	return (
		db.$client
			.prepare('select count(*) as n from sms_messages where to_phone = ? and created_at_ms > ?')
			.get(toPhone, nowMs - SMS_CAP_WINDOW_MS) as { n: number }
	).n;
}

/** When the phone may get an SMS again (the oldest in the window leaves it), or null now. */
export function smsCapRetryAtMs(db: Db, toPhone: string, nowMs: number): number | null {
	const rows = db.$client
		.prepare(
			'select created_at_ms as at from sms_messages where to_phone = ? and created_at_ms > ? order by created_at_ms desc limit ?'
		)
		.all(toPhone, nowMs - SMS_CAP_WINDOW_MS, SMS_PER_PHONE_MAX) as Array<{ at: number }>;
	if (rows.length < SMS_PER_PHONE_MAX) return null;
	return rows[rows.length - 1].at + SMS_CAP_WINDOW_MS;
}

export function hasSmsOfKind(db: Db, toPhone: string, kind: SmsKind): boolean {
	return (
		db.$client
			.prepare('select 1 from sms_messages where to_phone = ? and kind = ? limit 1')
			.get(toPhone, kind) !== undefined
	);
}

export function retryDelayMs(attempts: number): number {
	return Math.min(SMS_RETRY_FIRST_MS * 2 ** Math.max(0, attempts - 1), SMS_RETRY_MAX_MS);
}

interface DueRow {
	id: number;
	toPhone: string;
	kind: SmsKind;
	text: string | null;
	attempts: number;
	createdAtMs: number;
	userId: number | null;
}

export interface DrainReport {
	sent: number;
	retrying: number;
	failed: number;
}

function settle(db: Db, row: DueRow, outcome: 'sent' | 'failed', nowMs: number, extra: object) {
	// A password leaves the table once it is delivered or given up: only log_text stays.
	db.$client
		.prepare(
			`update sms_messages set status = ?, sent_at_ms = ?, gateway_id = ?, last_error = ?,
			 text = case when kind = 'credentials' then null else text end where id = ?`
		)
		.run(
			outcome,
			outcome === 'sent' ? nowMs : null,
			(extra as { gatewayId?: string }).gatewayId ?? null,
			(extra as { error?: string }).error ?? null,
			row.id
		);
	recordAudit(db, {
		event: outcome === 'sent' ? 'sms_sent' : 'sms_failed',
		userId: row.userId,
		subject: maskPhone(row.toPhone),
		detail: {
			smsId: row.id,
			kind: row.kind,
			attempts: row.attempts,
			...(row.text ? { segments: smsSize(row.text).segments } : {}),
			...((extra as { error?: string }).error ? { error: (extra as { error: string }).error } : {})
		},
		atMs: nowMs
	});
}

async function drainOnce(db: Db, driver: SmsDriver, nowMs: number, report: DrainReport) {
	const due = db.$client
		.prepare(
			`select id, to_phone as toPhone, kind, text, attempts, created_at_ms as createdAtMs, user_id as userId
			 from sms_messages where status = 'queued' and next_attempt_at_ms <= ? order by id limit 50`
		)
		.all(nowMs) as DueRow[];
	const claim = db.$client.prepare(
		`update sms_messages set attempts = attempts + 1, next_attempt_at_ms = ?
		 where id = ? and status = 'queued' and next_attempt_at_ms <= ?`
	);
	for (const row of due) {
		if (claim.run(nowMs + CLAIM_MS, row.id, nowMs).changes !== 1) continue;
		row.attempts += 1;
		if (row.text === null) {
			settle(db, row, 'failed', nowMs, { error: 'no text to send' });
			report.failed++;
			continue;
		}
		try {
			const { gatewayId } = await driver.send(row.toPhone, row.text);
			settle(db, row, 'sent', nowMs, { gatewayId });
			report.sent++;
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			const retryable = !(error instanceof SmsSendError) || error.retryable;
			if (retryable && nowMs - row.createdAtMs < SMS_GIVE_UP_MS) {
				db.$client
					.prepare('update sms_messages set next_attempt_at_ms = ?, last_error = ? where id = ?')
					.run(nowMs + retryDelayMs(row.attempts), message, row.id);
				report.retrying++;
			} else {
				settle(db, row, 'failed', nowMs, { error: message });
				report.failed++;
			}
		}
	}
	return due.length;
}

const draining = new WeakMap<Db, Promise<DrainReport>>();

/**
 * Hands every due message to the driver, oldest first. One drain per database at a time: a call
 * while one runs waits for it and then drains again, so a message queued meanwhile goes too.
 */
export async function drainSmsOutbox(
	db: Db,
	driver: SmsDriver,
	nowMs: () => number
): Promise<DrainReport> {
	const running = draining.get(db);
	if (running) await running.catch(() => undefined);
	const run = (async () => {
		const report: DrainReport = { sent: 0, retrying: 0, failed: 0 };
		// Until a pass finds fewer than a page of due messages.
		while ((await drainOnce(db, driver, nowMs(), report)) === 50);
		return report;
	})();
	draining.set(db, run);
	try {
		return await run;
	} finally {
		if (draining.get(db) === run) draining.delete(db);
	}
}

/** Marks waiting messages with why they wait (no driver configured), for the operators' log. */
export function noteWhyWaiting(db: Db, reason: string): void {
	db.$client
		.prepare(
			"update sms_messages set last_error = ? where status = 'queued' and last_error is null"
		)
		.run(reason);
}

export interface SmsLogRow {
	id: number;
	toMasked: string;
	kind: SmsKind;
	text: string;
	status: 'queued' | 'sent' | 'failed';
	attempts: number;
	createdAtMs: number;
	sentAtMs: number | null;
	lastError: string | null;
}

/** The operators' SMS log, newest first, `limit` rows before the id `beforeId`; phones masked. */
export function listSms(db: Db, query: { limit: number; beforeId?: number }): SmsLogRow[] {
	const rows = db.$client
		.prepare(
			`select id, to_phone as toPhone, kind, log_text as text, status, attempts, created_at_ms as createdAtMs,
			        sent_at_ms as sentAtMs, last_error as lastError
			 from sms_messages ${query.beforeId !== undefined ? 'where id < ?' : ''} order by id desc limit ?`
		)
		.all(...(query.beforeId !== undefined ? [query.beforeId] : []), query.limit) as Array<
		Omit<SmsLogRow, 'toMasked'> & { toPhone: string }
	>;
	return rows.map(({ toPhone, ...rest }) => ({ toMasked: maskPhone(toPhone), ...rest }));
}
