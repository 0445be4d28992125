/**
 * The real server behind the sync tests' fake network: the tRPC router (createCaller) over a
 * migrated SQLite file in a temp folder, for a resident who sees two accounts. The outbox model
 * test runs its traces against this and against FakeSyncServer; their outcomes must match, so
 * the fake cannot drift from what the server does.
 */
import { asc } from 'drizzle-orm';
import type { Db } from '../../../src/lib/server/db';
import { syncCommands, userAccounts, users } from '../../../src/lib/server/db/schema';
import { requestRowsSince, setRequestStatus } from '../../../src/lib/server/services/requests';
import { createCaller } from '../../../src/lib/server/trpc/root';
import { LiveHub } from '../../../src/lib/server/sync/live';
import type { SessionUser } from '../../../src/lib/domain/auth';
import type { PullInput, PushInput } from '../../../src/lib/domain/sync/protocol';
import type { RequestRow } from '../../../src/lib/domain/sync/tables';
import { anAccount } from '../../integration/helpers/builders';
import { tempDb } from '../../integration/helpers/testDb';
import type { LogEntry, SyncServer } from './fakeServer';

const START_MS = 1_750_000_000_000;

function aUser(db: Db, login: string, role: SessionUser['role']): SessionUser {
	const row = db
		.insert(users)
		.values({ login, passwordHash: 'not used', role, displayName: login, createdAtMs: 0 })
		.returning()
		.get();
	return { id: row.id, login, role, displayName: login };
}

/** One database for a whole test file; `reset` empties what a trace writes. */
export function routerServerDatabase() {
	const t = tempDb();
	const resident = aUser(t.db, 'model-resident', 'resident');
	// The office as an admin: every district, so that the model's accounts are in its scope.
	const operator = aUser(t.db, 'model-admin', 'admin');
	const accountIds = [anAccount(t.db).id, anAccount(t.db).id];
	for (const accountId of accountIds)
		t.db.insert(userAccounts).values({ userId: resident.id, accountId, createdAtMs: 0 }).run();
	return {
		...t,
		resident,
		operator,
		accountIds,
		/** A fresh server for the next trace: no requests, no devices, no commands seen. */
		reset(): RouterSyncServer {
			t.db.$client.exec(`delete from request_events; delete from service_requests;
				delete from sync_commands; delete from sync_devices; delete from sync_tombstones;`);
			return new RouterSyncServer(t.db, resident, operator, accountIds);
		}
	};
}

export class RouterSyncServer implements SyncServer {
	private clock = START_MS;
	private readonly caller;

	constructor(
		private readonly db: Db,
		resident: SessionUser,
		private readonly operator: SessionUser,
		readonly accountIds: number[]
	) {
		this.caller = createCaller({
			db,
			user: resident,
			session: { token: null, set() {}, clear() {} },
			now: () => this.clock++,
			live: new LiveHub()
		});
	}

	push(input: PushInput) {
		return this.caller.sync.push(input);
	}

	pull(input: PullInput) {
		return this.caller.sync.pull(input);
	}

	accept(requestId: string): void {
		try {
			setRequestStatus(
				this.db,
				this.operator,
				{ requestId, status: 'accepted', reason: null },
				this.clock++
			);
		} catch {
			// Not submitted any more (or never arrived): the office has nothing to accept.
		}
	}

	get log(): LogEntry[] {
		return (
			this.db
				.select({
					id: syncCommands.id,
					deviceId: syncCommands.deviceId,
					seq: syncCommands.seq,
					kind: syncCommands.kind,
					status: syncCommands.status,
					reason: syncCommands.reason
				})
				.from(syncCommands)
				// One device per trace, whose commands the server applies in seq order.
				.orderBy(asc(syncCommands.seq))
				.all()
		);
	}

	requestRows(): RequestRow[] {
		return this.accountIds
			.flatMap((accountId) => requestRowsSince(this.db, accountId, -1))
			.map(({ version: _version, ...row }) => row)
			.sort((a, b) => (a.id < b.id ? -1 : 1));
	}
}
