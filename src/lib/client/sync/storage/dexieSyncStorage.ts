import type { Table } from 'dexie';
import type { PullChange, PullOutput, PushOutput } from '$lib/domain/sync/protocol';
import { SYNCED_TABLES, type SyncedTable } from '$lib/domain/sync/tables';
import { ACCOUNT_KEY, type TokDb } from '../../db';
import { UNACKNOWLEDGED, type OutboxRow } from '../outbox/outboxRow';
import { uuidv7 } from '../outbox/uuidv7';
import { deleteMeta, readMeta, writeMeta } from './meta';
import type { PushRecord, SyncStorage } from './syncStorage';

const isSyncedTable = (name: string): name is SyncedTable =>
	(SYNCED_TABLES as string[]).includes(name);

/** The engine's storage in the user's IndexedDB (Dexie). */
export class DexieSyncStorage implements SyncStorage {
	constructor(private readonly db: TokDb) {}

	deviceId(): Promise<string> {
		const { db } = this;
		return db.transaction('rw', db.meta, async () => {
			const existing = await readMeta(db, 'deviceId');
			if (existing) return existing;
			const id = uuidv7();
			await writeMeta(db, 'deviceId', id);
			return id;
		});
	}

	recoverSending(): Promise<number> {
		return this.db.outbox.where('state').equals('sending').modify({ state: 'pending' });
	}

	takeBatch(max: number): Promise<OutboxRow[]> {
		const { db } = this;
		return db.transaction('rw', db.outbox, async () => {
			const rows = (await db.outbox.where('state').anyOf(UNACKNOWLEDGED).sortBy('seq')).slice(
				0,
				max
			);
			await db.outbox.bulkUpdate(rows.map((r) => ({ key: r.id, changes: { state: 'sending' } })));
			return rows.map((r) => ({ ...r, state: 'sending' as const }));
		});
	}

	recordPush(batch: OutboxRow[], output: PushOutput): Promise<PushRecord> {
		const { db } = this;
		return db.transaction('rw', db.outbox, db.meta, async () => {
			let acknowledged = 0;
			for (const answer of output.results) {
				const row = await db.outbox.get(answer.id);
				if (!row || !UNACKNOWLEDGED.includes(row.state)) continue;
				await db.outbox.update(
					answer.id,
					answer.status === 'applied'
						? {
								state: 'done',
								result: answer.result,
								lastError: null,
								acknowledgedAtMs: answer.appliedAtMs
							}
						: {
								state: 'refused',
								reason: answer.reason,
								lastError: null,
								acknowledgedAtMs: answer.appliedAtMs
							}
				);
				acknowledged++;
			}
			// Sent but not answered because the server stopped at a gap: pending, not failed.
			const answered = new Set(output.results.map((r) => r.id));
			const unanswered = batch.filter((r) => !answered.has(r.id)).map((r) => r.id);
			await db.outbox
				.where('id')
				.anyOf(unanswered)
				.and((r) => r.state === 'sending')
				.modify({ state: 'pending' });
			const renumbered = output.gap ? await this.renumberFrom(output.gap.expectedSeq) : 0;
			return { acknowledged, renumbered };
		});
	}

	/**
	 * After a gap answer, numbers the unacknowledged commands expectedSeq, expectedSeq + 1, …
	 * in their present order, and continues the device's numbering after them.
	 *
	 * Why this is safe: only commands the server has not answered are renumbered, and they keep
	 * their order; every command it did answer (done, refused) keeps its seq, and those all come
	 * before the unanswered ones, because the server answers a push as a prefix and stops at the
	 * first gap. A renumbered command may still reach the server under its old seq too (a late
	 * delivery of an earlier push) — but the server looks a command up by id before it looks at
	 * the seq, so whichever copy arrives second gets the first one's result and has no effect.
	 * Usually expectedSeq already is the first unanswered seq and nothing changes; it differs
	 * only when the server lost commands this device had seen applied (a restore from backup).
	 */
	private async renumberFrom(expectedSeq: number): Promise<number> {
		const { db } = this;
		const rows = await db.outbox.where('state').anyOf(UNACKNOWLEDGED).sortBy('seq');
		let seq = expectedSeq;
		let changed = 0;
		for (const row of rows) {
			if (row.seq !== seq) {
				await db.outbox.update(row.id, { seq });
				changed++;
			}
			seq++;
		}
		await writeMeta(db, 'nextSeq', seq);
		return changed;
	}

	async recordPushFailure(batch: OutboxRow[], error: string): Promise<void> {
		await this.db.outbox
			.where('id')
			.anyOf(batch.map((r) => r.id))
			.and((r) => r.state === 'sending')
			.modify((row) => {
				row.state = 'pending';
				row.attempts += 1;
				row.lastError = error;
			});
	}

	unacknowledgedCount(): Promise<number> {
		return this.db.outbox.where('state').anyOf(UNACKNOWLEDGED).count();
	}

	async appliedIds(): Promise<string[]> {
		return (await this.db.outbox.where('state').equals('done').primaryKeys()) as string[];
	}

	async cursor(): Promise<string | null> {
		return (await readMeta(this.db, 'cursor')) ?? null;
	}

	applyPullPage(
		page: PullOutput,
		last: { dropApplied: string[]; syncedAtMs: number } | null
	): Promise<void> {
		const { db } = this;
		const tables = SYNCED_TABLES.map((name) => db.table(name));
		return db.transaction('rw', [...tables, db.meta, db.outbox], async () => {
			if (page.droppedAccountIds.length > 0)
				for (const name of SYNCED_TABLES) {
					const key = ACCOUNT_KEY[name];
					if (key) await db.table(name).where(key).anyOf(page.droppedAccountIds).delete();
				}
			for (const write of bulkWrites(page.changes)) {
				const table: Table = db.table(write.table);
				if (write.op === 'put') await table.bulkPut(write.rows);
				else await table.bulkDelete(write.ids);
			}
			await writeMeta(db, 'cursor', page.cursor);
			if (last) {
				await db.outbox
					.where('id')
					.anyOf(last.dropApplied)
					.and((r) => r.state === 'done')
					.delete();
				await writeMeta(db, 'lastSyncedAtMs', last.syncedAtMs);
			}
		});
	}

	async blockedProtocol(): Promise<number | null> {
		return (await readMeta(this.db, 'protocolBlocked')) ?? null;
	}

	async setBlockedProtocol(protocol: number | null): Promise<void> {
		if (protocol === null) await deleteMeta(this.db, 'protocolBlocked');
		else await writeMeta(this.db, 'protocolBlocked', protocol);
	}

	async setLastError(error: string | null): Promise<void> {
		if (error === null) await deleteMeta(this.db, 'lastError');
		else await writeMeta(this.db, 'lastError', error);
	}
}

/** Consecutive changes to one table with one op, written in one bulk call. */
type BulkWrite =
	| { table: SyncedTable; op: 'put'; rows: Array<Record<string, unknown>> }
	| { table: SyncedTable; op: 'delete'; ids: Array<string | number> };

/**
 * Consecutive changes to the same table with the same op, for bulk writes; order is kept, so a
 * put then a delete of one row ends deleted. Tables this app version does not know are skipped
 * (a newer server may send them).
 */
function* bulkWrites(changes: PullChange[]): Generator<BulkWrite> {
	let current: BulkWrite | null = null;
	for (const change of changes) {
		if (!isSyncedTable(change.table)) continue;
		if (!current || current.table !== change.table || current.op !== change.op) {
			if (current) yield current;
			current =
				change.op === 'put'
					? { table: change.table, op: 'put', rows: [] }
					: { table: change.table, op: 'delete', ids: [] };
		}
		if (current.op === 'put' && change.op === 'put') current.rows.push(change.row);
		else if (current.op === 'delete' && change.op === 'delete') current.ids.push(change.id);
	}
	if (current) yield current;
}
