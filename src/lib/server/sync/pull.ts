import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../db';
import { SHARED_TOMBSTONE_ACCOUNT_ID, syncTombstones } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { accountSummaries, linkedAccountIds } from '../services/accounts';
import { currentVersion } from '../db/version';
import type { PullChange, PullInput, PullOutput } from '../../domain/sync/protocol';
import { SYNCED_TABLES, type SyncedTable } from '../../domain/sync/tables';
import { PULL_SOURCES, type PullSources } from './pullSources';

type Cursor = Record<number, number>;

/** The cursor's key for the tables every device holds (tariffs); account ids start at 1. */
const SHARED_CURSOR_KEY = 0;
/** The cursor's key for an inspector's assigned work (work orders). */
const ASSIGNED_CURSOR_KEY = -1;

// The cursor is opaque to the device: per visible account, the version it holds up to. An
// account that becomes visible starts at -1 (everything); one that stops being visible is dropped.
export function encodeCursor(cursor: Cursor): string {
	return Buffer.from(JSON.stringify({ a: cursor })).toString('base64url');
}

export function decodeCursor(value: string | null): Cursor {
	if (!value) return {};
	try {
		const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as { a?: unknown };
		const out: Cursor = {};
		if (parsed.a && typeof parsed.a === 'object')
			for (const [k, v] of Object.entries(parsed.a))
				if (/^-?\d+$/.test(k) && Number.isInteger(v)) out[Number(k)] = v as number;
		return out;
	} catch {
		// A damaged cursor costs a full resync, never an error the person has to deal with.
		return {};
	}
}

/**
 * Whose account data a phone holds: a resident's linked accounts. Staff phones hold no account
 * tables: an inspector's work orders carry what a visit needs (the assigned scope below).
 */
export function visibleAccountIds(db: Db, user: SessionUser): number[] {
	return user.role === 'resident' ? linkedAccountIds(db, user.id).sort((a, b) => a - b) : [];
}

/** One change of an account's, with the version it happened at. */
interface VersionedChange {
	version: number;
	/** Null for the account's own change: its summary goes with the page instead. */
	change: PullChange | null;
}

/** Everything of one account changed since `since`, each with its version, ascending. */
function accountChanges(db: Db, accountId: number, since: number): VersionedChange[] {
	const found: VersionedChange[] = [];
	for (const table of SYNCED_TABLES) {
		const source: PullSources[SyncedTable] = PULL_SOURCES[table];
		if (source.scope === 'summary')
			for (const version of source.versionsSince(db, accountId, since))
				found.push({ version, change: null });
		else if (source.scope === 'account')
			for (const { version, row } of source.rowsSince(db, accountId, since))
				found.push({ version, change: { table, op: 'put', row: { ...row } } });
	}
	const tombstones = db
		.select()
		.from(syncTombstones)
		.where(and(eq(syncTombstones.accountId, accountId), gt(syncTombstones.version, since)))
		.all();
	for (const t of tombstones) {
		const source = PULL_SOURCES[t.tableName as SyncedTable] as PullSources[SyncedTable] | undefined;
		const id = source?.scope === 'account' ? source.idFromKey(t.rowKey) : t.rowKey;
		found.push({ version: t.version, change: { table: t.tableName, op: 'delete', id } });
	}
	return found.sort((a, b) => a.version - b.version);
}

/**
 * Rows changed since the cursor that this user may see, in pages of about `limit` changes. Each
 * account with a change in the page also gets its summary (balance, last payment, last reading)
 * as it is now. The whole pull reads one consistent snapshot.
 */
export function pullChanges(
	db: Db,
	user: SessionUser,
	input: PullInput,
	nowMs: number
): PullOutput {
	return db.$client.transaction(() => {
		const cursor = decodeCursor(input.cursor);
		const visible = visibleAccountIds(db, user);
		const droppedAccountIds = Object.keys(cursor)
			.map(Number)
			.filter((id) => id > SHARED_CURSOR_KEY && !visible.includes(id));
		const upTo = currentVersion(db);
		const next: Cursor = {};
		const changes: PullChange[] = [];
		const touched: number[] = [];
		let budget = input.limit;
		let remaining = 0;
		let more = false;

		// Tables every device holds (tariff versions) ride under their own key; they are few,
		// never paged. A withdrawn one comes back as a delete, in version order with the puts, so
		// a version withdrawn and then published again under its id ends present.
		const sharedSince = cursor[SHARED_CURSOR_KEY] ?? -1;
		const shared: Array<{ version: number; change: PullChange }> = [];
		for (const table of SYNCED_TABLES) {
			const source: PullSources[SyncedTable] = PULL_SOURCES[table];
			if (source.scope === 'shared')
				for (const { version, row } of source.rowsSince(db, sharedSince))
					shared.push({ version, change: { table, op: 'put', row: { ...row } } });
		}
		// A first pull (-1) has nothing to delete.
		if (sharedSince >= 0)
			for (const t of db
				.select()
				.from(syncTombstones)
				.where(
					and(
						eq(syncTombstones.accountId, SHARED_TOMBSTONE_ACCOUNT_ID),
						gt(syncTombstones.version, sharedSince)
					)
				)
				.all())
				shared.push({
					version: t.version,
					change: { table: t.tableName, op: 'delete', id: t.rowKey }
				});
		for (const { change } of shared.sort((a, b) => a.version - b.version)) changes.push(change);
		next[SHARED_CURSOR_KEY] = Math.max(sharedSince, upTo);

		if (user.role === 'inspector') {
			const assignedSince = cursor[ASSIGNED_CURSOR_KEY] ?? -1;
			for (const table of SYNCED_TABLES) {
				const source: PullSources[SyncedTable] = PULL_SOURCES[table];
				if (source.scope === 'assigned')
					for (const { row } of source.rowsSince(db, user.id, assignedSince))
						changes.push({ table, op: 'put', row: { ...row } });
			}
			next[ASSIGNED_CURSOR_KEY] = Math.max(assignedSince, upTo);
		}

		for (const accountId of visible) {
			const since = cursor[accountId] ?? -1;
			const items = accountChanges(db, accountId, since);
			remaining += items.length;
			if (items.length === 0) {
				next[accountId] = Math.max(since, upTo);
				continue;
			}
			if (budget <= 0) {
				next[accountId] = since;
				more = true;
				continue;
			}
			let take = Math.min(items.length, budget);
			// Never split one version across pages.
			while (take < items.length && items[take].version === items[take - 1].version) take++;
			for (const { change } of items.slice(0, take)) if (change) changes.push(change);
			touched.push(accountId);
			budget -= take;
			if (take < items.length) {
				next[accountId] = items[take - 1].version;
				more = true;
			} else next[accountId] = Math.max(items[items.length - 1].version, upTo);
		}

		const summaries = accountSummaries(db, touched).map((row): PullChange => ({
			table: 'accounts',
			op: 'put',
			row: { ...row }
		}));
		return {
			changes: [...summaries, ...changes],
			cursor: encodeCursor(next),
			more,
			remaining,
			droppedAccountIds,
			serverTimeMs: nowMs
		};
	})();
}
