import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { AccountSummary } from '$lib/domain/account';
import type {
	ChargeRow,
	LedgerRow,
	ReadingMonthRow,
	RequestRow,
	SyncedTable,
	TariffRow
} from '$lib/domain/sync/tables';
import type { OutboxRow } from './sync/outbox/outboxRow';

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
 * One IndexedDB database per signed-in user on this device, so that signing out deletes exactly
 * that user's data and one person's accounts never show under another's sign-in.
 */
export class TokDb extends Dexie {
	accounts!: EntityTable<AccountSummary, 'id'>;
	meta!: EntityTable<MetaRow, 'key'>;
	outbox!: EntityTable<OutboxRow, 'id'>;
	requests!: EntityTable<RequestRow, 'id'>;
	ledger!: EntityTable<LedgerRow, 'id'>;
	readingMonths!: EntityTable<ReadingMonthRow, 'id'>;
	tariffs!: EntityTable<TariffRow, 'id'>;
	charges!: EntityTable<ChargeRow, 'id'>;

	/** `options` lets tests run on fake-indexeddb. */
	constructor(name: string, options?: DexieOptions) {
		super(name, options);
		this.version(1).stores({ accounts: 'id, number', meta: 'key' });
		// Version 2: the outbox and the cursor-synced tables. Rows of one account carry accountId,
		// indexed, so that they can be dropped when the account is unlinked. The seq index is not
		// unique: a gap answer renumbers unacknowledged commands inside one transaction.
		// A table added to domain/sync/tables.ts needs a new version(3) here, and ACCOUNT_KEY below.
		this.version(2).stores({
			accounts: 'id, number',
			meta: 'key',
			outbox: 'id, seq, state',
			requests: 'id, accountId',
			ledger: 'id, accountId',
			readingMonths: 'id, accountId, [accountId+month]',
			tariffs: 'id, tariffClass',
			charges: 'id, accountId, [accountId+month]'
		});
	}
}

/**
 * Per synced table, the field that says which account a row belongs to (null: shared by all,
 * like tariffs). An account no longer visible to the user loses its rows by it.
 */
export const ACCOUNT_KEY: Record<SyncedTable, 'id' | 'accountId' | null> = {
	accounts: 'id',
	requests: 'accountId',
	ledger: 'accountId',
	readingMonths: 'accountId',
	tariffs: null,
	charges: 'accountId'
};

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
