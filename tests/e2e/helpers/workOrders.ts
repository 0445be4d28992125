import Database from 'better-sqlite3';
import { join } from 'node:path';
import { E2E_DATA_DIR } from '../../../playwright.config';
import { uuidv7 } from '../../../src/lib/client/sync/outbox/uuidv7';

/**
 * Work orders for the inspector's tests, written straight into the test server's SQLite file:
 * the office's assigning screen (office.requests.assign) is built in parallel, so until it is on
 * main the test makes the order as that procedure will — the row, its assignee, and a version
 * from the one sync sequence, so the inspector's next pull brings it. Insert before the
 * inspector's phone syncs (no live poke is sent from here).
 */
export interface AssignedOrder {
	id: string;
	accountNumber: string;
	address: string;
	holderName: string;
	meterSerial: string;
	sealNumber: string | null;
}

function writable() {
	const db = new Database(join(E2E_DATA_DIR, 'tok.sqlite'), { fileMustExist: true });
	db.pragma('busy_timeout = 10000');
	return db;
}

/**
 * A new order for `inspectorLogin`, on the highest-numbered account of their districts that no
 * resident has linked (so no other test's account changes under it).
 */
export function assignWorkOrder(
	options: {
		kind?: 'sealing' | 'meter_check' | 'meter_replacement' | 'disconnection';
		note?: string;
		inspectorLogin?: string;
		skip?: number;
	} = {}
): AssignedOrder {
	const { kind = 'sealing', note = '', inspectorLogin = 'inspector', skip = 0 } = options;
	const db = writable();
	try {
		return db.transaction(() => {
			const inspector = db.prepare('select id from users where login = ?').get(inspectorLogin) as {
				id: number;
			};
			const target = db
				.prepare(
					`select a.id as accountId, a.number, a.address, a.holder_name as holderName,
					 m.id as meterId, m.serial, m.seal_number as sealNumber
					 from accounts a join meters m on m.account_id = a.id and m.removed_on is null
					 where a.district_soato in (select district_soato from staff_districts where user_id = ?)
					   and a.id not in (select account_id from user_accounts)
					   and a.id not in (select account_id from work_orders)
					 order by a.number desc limit 1 offset ?`
				)
				.get(inspector.id, skip) as {
				accountId: number;
				number: string;
				address: string;
				holderName: string;
				meterId: number;
				serial: string;
				sealNumber: string | null;
			};
			db.prepare('insert into sync_state (id, version) values (1, 0) on conflict do nothing').run();
			const { version } = db
				.prepare('update sync_state set version = version + 1 where id = 1 returning version')
				.get() as { version: number };
			const now = Date.now();
			const id = uuidv7(now);
			db.prepare(
				`insert into work_orders (id, account_id, meter_id, kind, status, inspector_user_id,
				 note, created_at_ms, updated_at_ms, version)
				 values (?, ?, ?, ?, 'assigned', ?, ?, ?, ?, ?)`
			).run(id, target.accountId, target.meterId, kind, inspector.id, note, now, now, version);
			db.prepare(
				`insert into work_order_assignees (work_order_id, inspector_user_id, assigned_at_ms)
				 values (?, ?, ?)`
			).run(id, inspector.id, now);
			return {
				id,
				accountNumber: target.number,
				address: target.address,
				holderName: target.holderName,
				meterSerial: target.serial,
				sealNumber: target.sealNumber
			};
		})();
	} finally {
		db.close();
	}
}

/**
 * The office cancels the order, as cancelWorkOrder does: status and a new version, so that the
 * inspector's next pull brings the change.
 */
export function cancelWorkOrderOnServer(id: string): void {
	const db = writable();
	try {
		db.transaction(() => {
			const { version } = db
				.prepare('update sync_state set version = version + 1 where id = 1 returning version')
				.get() as { version: number };
			db.prepare(
				"update work_orders set status = 'cancelled', updated_at_ms = ?, version = ? where id = ?"
			).run(Date.now(), version, id);
		})();
	} finally {
		db.close();
	}
}

export interface StoredResult {
	id: string;
	outcome: string;
	payload: {
		newSeal: string | null;
		readingKwh: string | null;
		notes: string;
		photos: Array<{ sha256: string }>;
	};
}

/** The results the server holds for an order, as kept (the phone's payload whole). */
export function resultsOf(workOrderId: string): StoredResult[] {
	const db = new Database(join(E2E_DATA_DIR, 'tok.sqlite'), {
		readonly: true,
		fileMustExist: true
	});
	try {
		return (
			db
				.prepare('select id, outcome, payload from inspection_results where work_order_id = ?')
				.all(workOrderId) as Array<{ id: string; outcome: string; payload: string }>
		).map((r) => ({ ...r, payload: JSON.parse(r.payload) as StoredResult['payload'] }));
	} finally {
		db.close();
	}
}

/** The server's copy of a photo: how much of it arrived, and whether it is whole. */
export function photoOnServer(
	sha256: string
): { sizeBytes: number; receivedBytes: number; complete: boolean } | null {
	const db = new Database(join(E2E_DATA_DIR, 'tok.sqlite'), {
		readonly: true,
		fileMustExist: true
	});
	try {
		const row = db
			.prepare(
				'select size_bytes as sizeBytes, received_bytes as receivedBytes, complete from photos where sha256 = ?'
			)
			.get(sha256) as { sizeBytes: number; receivedBytes: number; complete: number } | undefined;
		return row ? { ...row, complete: row.complete === 1 } : null;
	} finally {
		db.close();
	}
}
