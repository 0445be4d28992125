import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/lib/server/db';
import { verifyLedger } from '../../src/lib/server/services/ledger';
import { tempDb } from './helpers/testDb';
import { anAccount } from './helpers/builders';
import { startBuiltServer } from './helpers/builtServer';

// Payme against the built server (`node build`) over real HTTP: two server processes on one
// SQLite file, so "concurrent" is two connections racing, not one event loop taking turns.

const KEY = 'payme-server-key-91d2';
let servers: Array<Awaited<ReturnType<typeof startBuiltServer>>> = [];
let cleanup: () => void;
let db: Db;
let account: { id: number; number: string };

beforeAll(async () => {
	const t = tempDb();
	cleanup = t.cleanup;
	account = anAccount(t.db);
	t.db.$client.close();
	servers = await Promise.all([
		startBuiltServer(t.dir, { PAYME_KEY: KEY }),
		// adapter-node's own default limit: its refusal of a big body must still be Payme's answer.
		startBuiltServer(t.dir, { PAYME_KEY: KEY, BODY_SIZE_LIMIT: '512K' })
	]);
	db = openDatabase(join(t.dir, 'tok.sqlite'));
}, 90_000);
afterAll(async () => {
	await Promise.all(servers.map((s) => s.stop()));
	db?.$client.close();
	cleanup?.();
});

const AUTH = `Basic ${Buffer.from(`Paycom:${KEY}`).toString('base64')}`;

async function rpc(server: number, body: string) {
	const response = await fetch(`${servers[server].baseURL}/api/payments/payme`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: AUTH },
		body
	});
	expect(response.status).toBe(200);
	return (await response.json()) as { result?: Record<string, unknown>; error?: { code: number } };
}
const call = (server: number, method: string, params: unknown) =>
	rpc(server, JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }));

describe('Payme on the running server', () => {
	it('20 Creates then 20 Performs of one transaction, split over two processes, credit once', async () => {
		const id = '6a1f00000000000000server1';
		const params = {
			id,
			time: Date.now(),
			amount: 5_000_000,
			account: { account: account.number }
		};
		const creates = await Promise.all(
			Array.from({ length: 20 }, (_, i) => call(i % 2, 'CreateTransaction', params))
		);
		expect(new Set(creates.map((a) => JSON.stringify(a.result))).size).toBe(1);
		expect(creates[0].result?.state).toBe(1);
		const performs = await Promise.all(
			Array.from({ length: 20 }, (_, i) => call(i % 2, 'PerformTransaction', { id }))
		);
		expect(new Set(performs.map((a) => JSON.stringify(a.result))).size).toBe(1);
		expect(performs[0].result?.state).toBe(2);
		const entries = db.$client
			.prepare('select kind, amount_tiyin as amount from ledger_entries where account_id = ?')
			.all(account.id);
		expect(entries).toEqual([{ kind: 'payment', amount: 5_000_000 }]);
		expect(verifyLedger(db).mismatches).toEqual([]);
	});

	it('a 2 MB body gets a JSON-RPC error with HTTP 200 from either process, and writes nothing', async () => {
		const before = db.$client.prepare('select count(*) from payment_transactions').pluck().get();
		const huge = JSON.stringify({
			jsonrpc: '2.0',
			id: 9,
			method: 'CreateTransaction',
			params: { pad: 'x'.repeat(2 * 1024 * 1024) }
		});
		// Both: the handler's own 64 kB limit, and adapter-node's BODY_SIZE_LIMIT under it.
		for (const server of [0, 1]) expect((await rpc(server, huge)).error?.code).toBe(-32600);
		expect((await rpc(0, '{"jsonrpc":')).error?.code).toBe(-32700);
		expect(db.$client.prepare('select count(*) from payment_transactions').pluck().get()).toBe(
			before
		);
		for (const s of servers) expect(s.running).toBe(true);
	});
});
