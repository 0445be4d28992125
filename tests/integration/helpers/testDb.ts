import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src/lib/server/db';
import { ensureReferenceData } from '../../../src/lib/server/db/reference';
import { seedDemoData } from '../../../src/lib/server/seed/demo';
import { seedDemoUsers } from '../../../src/lib/server/seed/users';
import { createCaller } from '../../../src/lib/server/trpc/root';
import { signIn } from '../../../src/lib/server/services/auth';
import { validateSessionToken } from '../../../src/lib/server/auth/session';
import type { SessionJar } from '../../../src/lib/server/trpc/context';
import { LiveHub } from '../../../src/lib/server/sync/live';
import { SYNC_PROTOCOL } from '../../../src/lib/domain/sync/protocol';

export const FIXED_END_DATE = '2026-10-31';
export const FIXED_NOW = Date.parse('2026-11-01T09:00:00Z');

/** A real SQLite file in a temp folder, migrated; removed by `cleanup`. */
export function tempDb(): { db: Db; dir: string; cleanup: () => void } {
	const dir = mkdtempSync(join(tmpdir(), 'tok-test-'));
	const db = openDatabase(join(dir, 'tok.sqlite'));
	ensureReferenceData(db, FIXED_NOW);
	return {
		db,
		dir,
		cleanup: () => {
			db.$client.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** A temp database with a small deterministic demo (the three demo accounts and `accounts` more). */
export async function seededDb(accounts = 20) {
	const t = tempDb();
	seedDemoData(t.db, { accounts, endDate: FIXED_END_DATE });
	await seedDemoUsers(t.db, FIXED_NOW);
	return t;
}

export function recordingJar(token: string | null = null): SessionJar & { calls: string[] } {
	const calls: string[] = [];
	return {
		token,
		calls,
		set(value) {
			this.token = value;
			calls.push('set');
		},
		clear() {
			this.token = null;
			calls.push('clear');
		}
	};
}

/** The tRPC router as a signed-out visitor would call it. */
export function anonymousCaller(db: Db, jar = recordingJar(), live = new LiveHub()) {
	return createCaller({ db, user: null, session: jar, now: () => FIXED_NOW, live });
}

/** The tRPC router as `login` would call it after signing in, through the real session table. */
export async function callerAs(
	db: Db,
	login: string,
	password: string,
	live = new LiveHub(),
	clientAddress?: string
) {
	const { token } = await signIn(db, { login, password }, FIXED_NOW, clientAddress);
	const session = validateSessionToken(db, token, FIXED_NOW);
	if (!session) throw new Error('session did not validate');
	return createCaller({
		db,
		user: session.user,
		session: recordingJar(token),
		now: () => FIXED_NOW,
		live,
		clientAddress
	});
}

type Caller = Awaited<ReturnType<typeof callerAs>>;

/** Pulls every page from `cursor` on and returns the rows by table, as a device would hold them. */
export async function pullAll(caller: Caller, cursor: string | null = null, limit = 500) {
	const tables: Record<string, Map<string | number, Record<string, unknown>>> = {};
	const deleted: Array<{ table: string; id: string | number }> = [];
	let pages = 0;
	let dropped: number[] = [];
	for (;;) {
		const page = await caller.sync.pull({ protocol: SYNC_PROTOCOL, cursor, limit });
		pages++;
		dropped = [...dropped, ...page.droppedAccountIds];
		for (const c of page.changes) {
			tables[c.table] ??= new Map();
			if (c.op === 'put') tables[c.table].set(c.row.id, c.row);
			else {
				tables[c.table].delete(c.id);
				deleted.push({ table: c.table, id: c.id });
			}
		}
		cursor = page.cursor;
		if (!page.more) break;
	}
	const rows = (table: string) => [...(tables[table]?.values() ?? [])];
	return { rows, cursor, pages, deleted, dropped };
}
