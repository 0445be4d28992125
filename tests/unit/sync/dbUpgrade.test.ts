import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { TokDb } from '../../../src/lib/client/db';
import { enqueueCommand } from '../../../src/lib/client/sync/outbox/enqueue';
import { DexieSyncStorage } from '../../../src/lib/client/sync/storage/dexieSyncStorage';
import { anId } from './builders';

const deps = { indexedDB, IDBKeyRange };
let n = 0;
const aName = () => `tok-upgrade-${++n}`;

const anAccount = (id: number) => ({
	id,
	number: `172600100${id}`,
	holderName: 'Karimova D.',
	address: 'Toshkent',
	districtSoato: '1726',
	tariffClass: 'household',
	balanceTiyin: -1200000,
	lastPayment: null,
	lastReading: null
});

describe('upgrading the database on the device', () => {
	it('a device on the first version keeps its accounts and last sync time, and gains an empty outbox', async () => {
		const name = aName();
		const v1 = new Dexie(name, deps);
		v1.version(1).stores({ accounts: 'id, number', meta: 'key' });
		await v1.table('accounts').bulkAdd([anAccount(1), anAccount(2)]);
		await v1.table('meta').add({ key: 'lastSyncedAtMs', value: 1_760_000_000_000 });
		v1.close();

		const db = new TokDb(name, deps);
		try {
			expect((await db.accounts.orderBy('number').toArray()).map((a) => a.id)).toEqual([1, 2]);
			expect((await db.meta.get('lastSyncedAtMs'))?.value).toBe(1_760_000_000_000);
			expect(await db.outbox.count()).toBe(0);
			expect(db.verno).toBe(5);
			// Version 3 brought the payment orders (top-ups from the app), version 4 the inspectors'
			// work orders, version 5 their photos waiting to upload: there, and empty.
			expect(await db.paymentOrders.count()).toBe(0);
			expect(await db.workOrders.count()).toBe(0);
			expect(await db.photos.count()).toBe(0);
			// and the outbox works at once: the first command is number 1
			const row = await enqueueCommand(db, 'request.cancel', { requestId: anId() });
			expect(row.seq).toBe(1);
		} finally {
			await db.delete();
		}
	});

	it('commands waiting to be sent are still there, in order, when the app opens the database again', async () => {
		const name = aName();
		const before = new TokDb(name, deps);
		for (let i = 0; i < 3; i++)
			await enqueueCommand(before, 'request.cancel', { requestId: anId() });
		await new DexieSyncStorage(before).takeBatch(2); // a push was in flight when the app closed
		before.close();

		const after = new TokDb(name, deps);
		try {
			const storage = new DexieSyncStorage(after);
			expect(await storage.recoverSending()).toBe(2);
			const rows = await after.outbox.orderBy('seq').toArray();
			expect(rows.map((r) => [r.seq, r.state])).toEqual([
				[1, 'pending'],
				[2, 'pending'],
				[3, 'pending']
			]);
		} finally {
			await after.delete();
		}
	});
});
