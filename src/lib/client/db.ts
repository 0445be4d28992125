import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import { SYNCED, SYNCED_TABLES, type SyncedRows, type SyncedTable } from '$lib/domain/sync/tables';
import type { OutboxRow } from './sync/outbox/outboxRow';
import type { PhotoRow } from './inspector/photos/photoRow';

/** What the device remembers beside the synced rows, one row per key. */
export interface MetaValues {
	/** This device's identity towards the server, made once per user database. */
	deviceId: string;
	/** The seq the next command gets; commands are numbered 1, 2, 3, … with no gaps. */
	nextSeq: number;
	/** The server's opaque pull cursor; absent before the first pull. */
	cursor: string;
	lastSyncedAtMs: number;
	/** Why the last sync failed (a message key), so that every tab can show it; absent if it worked. */
	lastError: string;
	/** The SYNC_PROTOCOL the server refused as too old; the outbox waits for an app update. */
	protocolBlocked: number;
	/** Persistent storage was asked for once already (Firefox asks the person each time). */
	persistAsked: boolean;
}
export type MetaKey = keyof MetaValues;
export type MetaRow = { [K in MetaKey]: { key: K; value: MetaValues[K] } }[MetaKey];

/**
 * The device's own tables, beside the synced ones (declared in domain/sync/tables.ts): the
 * outbox's seq index is not unique, since a gap answer renumbers unacknowledged commands inside
 * one transaction.
 */
const LOCAL_TABLES = {
	meta: { indexes: 'key', sinceDexieVersion: 1 },
	outbox: { indexes: 'id, seq, state', sinceDexieVersion: 2 },
	// An inspector's photos until the server has them (inspector/photos/), keyed by SHA-256.
	photos: { indexes: 'sha256, state', sinceDexieVersion: 5 }
} as const;

/** Dexie's schema of each version, 1 up to the newest, from the tables' `sinceDexieVersion`. */
export function dexieVersions(): Array<Record<string, string>> {
	const tables: Array<{ name: string; indexes: string; sinceDexieVersion: number }> = [
		...Object.entries(LOCAL_TABLES).map(([name, spec]) => ({ name, ...spec })),
		...SYNCED_TABLES.map((name) => ({ name, ...SYNCED[name] }))
	];
	const newest = Math.max(...tables.map((t) => t.sinceDexieVersion));
	return Array.from({ length: newest }, (_, i) =>
		Object.fromEntries(
			tables.filter((t) => t.sinceDexieVersion <= i + 1).map((t) => [t.name, t.indexes])
		)
	);
}

type SyncedEntityTables = { [T in SyncedTable]: EntityTable<SyncedRows[T], 'id'> };

/**
 * One IndexedDB database per signed-in user on this device, so that signing out deletes exactly
 * that user's data and one person's accounts never show under another's sign-in.
 */
class TokDatabase extends Dexie {
	meta!: EntityTable<MetaRow, 'key'>;
	outbox!: EntityTable<OutboxRow, 'id'>;
	photos!: EntityTable<PhotoRow, 'sha256'>;

	/** `options` lets tests run on fake-indexeddb. */
	constructor(name: string, options?: DexieOptions) {
		super(name, options);
		dexieVersions().forEach((stores, i) => this.version(i + 1).stores(stores));
	}
}

/** The Dexie database with one typed table per synced table of the registry. */
export type TokDb = TokDatabase & SyncedEntityTables;
// Dexie makes the table properties at run time from the schema; TypeScript learns them here.
export const TokDb = TokDatabase as unknown as new (name: string, options?: DexieOptions) => TokDb;

/**
 * Per synced table, the field that says which account a row belongs to (null: shared by all,
 * like tariffs). An account no longer visible to the user loses its rows by it.
 */
export const ACCOUNT_KEY = Object.fromEntries(
	SYNCED_TABLES.map((name) => [name, SYNCED[name].accountKey])
) as { [T in SyncedTable]: (typeof SYNCED)[T]['accountKey'] };

export const userDbName = (userId: number) => `tok-user-${userId}`;

let open: TokDb | undefined;

export function userDb(userId: number): TokDb {
	if (open?.name !== userDbName(userId)) {
		open?.close();
		open = new TokDb(userDbName(userId));
	}
	return open;
}

export async function deleteUserDb(userId: number): Promise<void> {
	if (open?.name === userDbName(userId)) {
		open.close();
		open = undefined;
	}
	await Dexie.delete(userDbName(userId));
}
