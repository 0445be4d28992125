import Dexie, { type EntityTable } from 'dexie';
import type { AccountSummary } from '$lib/domain/account';

export interface MetaRow {
	key: 'lastSyncedAtMs';
	value: number;
}

/**
 * One IndexedDB database per signed-in user on this device, so that signing out deletes exactly
 * that user's data and one person's accounts never show under another's sign-in.
 */
export class TokDb extends Dexie {
	accounts!: EntityTable<AccountSummary, 'id'>;
	meta!: EntityTable<MetaRow, 'key'>;

	constructor(name: string) {
		super(name);
		this.version(1).stores({ accounts: 'id, number', meta: 'key' });
	}
}

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
