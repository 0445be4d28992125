import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/lib/server/db';
import { verifyLedger } from '../../src/lib/server/services/ledger';
import { openOrder } from '../../src/lib/server/services/payments/orders';
import { tempDb } from './helpers/testDb';
import { anAccount } from './helpers/builders';
import { startBuiltServer } from './helpers/builtServer';

// Payme's acceptance scenarios against the built server (`npm run serve`) over real HTTP, as Payme's
// merchant sandbox plays them. Several server processes share one SQLite file, so "concurrent"
// is connections racing, not one event loop taking turns:
//   0: the plain server; 1: adapter-node's default body limit; 2: its clock 12 h ahead
//   (TOK_CLOCK), to see pending transactions time out; 3: PAYME_ALLOWED_IPS set to Payme's range.

const KEY = 'payme-server-key-91d2';
const HOUR = 3_600_000;
// TOK_CLOCK pins the clock when the process first asks it, a little after it starts: an hour of
// margin keeps server 2 past the 12 hours whatever the tests before took.
const AHEAD_MS = 13 * HOUR;
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
		startBuiltServer(t.dir, { PAYME_KEY: KEY, BODY_SIZE_LIMIT: '512K' }),
		startBuiltServer(t.dir, {
			PAYME_KEY: KEY,
			TOK_CLOCK: new Date(Date.now() + AHEAD_MS).toISOString()
		}),
		startBuiltServer(t.dir, { PAYME_KEY: KEY, PAYME_ALLOWED_IPS: '185.234.113.0/28' })
	]);
	db = openDatabase(join(t.dir, 'tok.sqlite'));
}, 120_000);
afterAll(async () => {
	await Promise.all(servers.map((s) => s.stop()));
	db?.$client.close();
	cleanup?.();
});

const basic = (login: string, password: string) =>
	`Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`;
const AUTH = basic('Paycom', KEY);
const AMOUNT = 5_000_000;

interface Answer {
	jsonrpc: string;
	id: unknown;
	result?: Record<string, unknown>;
	error?: { code: number; message: { ru: string; uz: string; en: string }; data?: string };
}

async function rpc(
	server: number,
	body: string,
	opts: { authorization?: string; type?: string; method?: string } = {}
): Promise<Answer> {
	const response = await fetch(`${servers[server].baseURL}/api/payments/payme`, {
		method: opts.method ?? 'POST',
		headers: {
			'content-type': opts.type ?? 'application/json',
			authorization: opts.authorization ?? AUTH
		},
		body: opts.method === 'GET' ? undefined : body
	});
	// Payme reads the outcome from the body: every answer is HTTP 200 JSON-RPC.
	expect(response.status).toBe(200);
	const answer = (await response.json()) as Answer;
	expect(answer.jsonrpc).toBe('2.0');
	return answer;
}
let rpcId = 0;
const call = (server: number, method: string, params: unknown, authorization?: string) =>
	rpc(server, JSON.stringify({ jsonrpc: '2.0', id: ++rpcId, method, params }), { authorization });

function expectError(answer: Answer, code: number, data?: string) {
	expect(answer.result).toBeUndefined();
	expect(answer.error?.code).toBe(code);
	for (const lang of ['ru', 'uz', 'en'] as const) expect(answer.error?.message[lang]).toMatch(/\S/);
	expect(answer.error?.data).toBe(data);
}

let seq = 0;
const newId = () => `6a1f${Date.now().toString(16)}${String(++seq).padStart(8, '0')}`;
const written = () =>
	db.$client
		.prepare(
			'select (select count(*) from payment_transactions) + (select count(*) from ledger_entries) + (select count(*) from payment_operator_keys)'
		)
		.pluck()
		.get() as number;
const entries = (ref: string) =>
	db.$client
		.prepare(
			"select kind, amount_tiyin as amount from ledger_entries where source_ref like ? || '%' order by id"
		)
		.all(ref);
const balance = () =>
	db.$client.prepare('select balance_tiyin from accounts where id = ?').pluck().get(account.id);
const create = (server: number, id: string, extra: Record<string, unknown> = {}) =>
	call(server, 'CreateTransaction', {
		id,
		time: Date.now(),
		amount: AMOUNT,
		account: { account: account.number },
		...extra
	});

/** Asserts `t` is a Tok time (ms) taken during the call. */
function during(t: unknown, before: number) {
	expect(typeof t).toBe('number');
	expect(t as number).toBeGreaterThanOrEqual(before - 1000);
	expect(t as number).toBeLessThanOrEqual(Date.now() + 1000);
}

describe('Payme on the running server: authorization', () => {
	it('refuses a missing, wrong or foreign login with -32504 and the request id, writing nothing', async () => {
		const before = written();
		for (const authorization of [
			'',
			'Bearer x',
			basic('Paycom', 'wrong'),
			basic('paycom', KEY),
			basic('Paycom', `${KEY} `)
		]) {
			const answer = await call(
				0,
				'CreateTransaction',
				{ id: newId(), time: Date.now(), amount: AMOUNT, account: { account: account.number } },
				authorization
			);
			expectError(answer, -32504);
			expect(answer.id).toBe(rpcId);
		}
		expect(written()).toBe(before);
	});

	it('PAYME_ALLOWED_IPS: a caller outside the list is refused -32504 even with the right key', async () => {
		const answer = await call(3, 'CheckPerformTransaction', {
			amount: AMOUNT,
			account: { account: account.number }
		});
		expectError(answer, -32504);
		expect(answer.error?.message.en).toMatch(/address/);
	});

	it('ChangePassword on one process: every process then takes only the new key', async () => {
		const NEW = 'payme-new-key-Q9s2-from-the-cabinet';
		const check = (server: number, authorization?: string) =>
			call(
				server,
				'CheckPerformTransaction',
				{ amount: AMOUNT, account: { account: account.number } },
				authorization
			);
		expect(await call(0, 'ChangePassword', { password: NEW })).toEqual({
			jsonrpc: '2.0',
			id: rpcId,
			result: { success: true }
		});
		expectError(await check(1), -32504);
		expect((await check(1, basic('Paycom', NEW))).result).toEqual({ allow: true });
		expect(
			(await call(1, 'ChangePassword', { password: KEY }, basic('Paycom', NEW))).result
		).toEqual({ success: true });
		expectError(await check(0, basic('Paycom', NEW)), -32504);
		expect((await check(0)).result).toEqual({ allow: true });
	});
});

describe('Payme on the running server: amounts and accounts', () => {
	it('refuses zero, negative, below the minimum, fractions, too many digits, 1e309 and strings with -31001', async () => {
		const before = written();
		for (const amount of [
			'0',
			'-5000000',
			'99999',
			'5000000.5',
			'12345678901234567890',
			'1e309',
			'"5000000"',
			'null'
		]) {
			for (const method of ['CheckPerformTransaction', 'CreateTransaction']) {
				const answer = await rpc(
					0,
					`{"jsonrpc":"2.0","id":7,"method":"${method}","params":{"id":"${newId()}","time":${Date.now()},"amount":${amount},"account":{"account":"${account.number}"}}}`
				);
				expectError(answer, -31001, 'amount');
				expect(answer.id).toBe(7);
			}
		}
		expect(written()).toBe(before);
	});

	it('refuses an unknown or malformed account with -31050 naming the account field', async () => {
		const before = written();
		for (const acc of [
			{ account: '9999999999' },
			{ account: 1726001001 },
			{},
			{ account: '../1' }
		]) {
			expectError(
				await call(0, 'CheckPerformTransaction', { amount: AMOUNT, account: acc }),
				-31050,
				'account'
			);
			expectError(
				await call(0, 'CreateTransaction', {
					id: newId(),
					time: Date.now(),
					amount: AMOUNT,
					account: acc
				}),
				-31050,
				'account'
			);
		}
		expect(written()).toBe(before);
	});
});

describe('Payme on the running server: the transaction life cycle', () => {
	it('create twice answers the same; perform twice answers the same and credits once', async () => {
		const id = newId();
		const started = Date.now();
		const first = await create(0, id);
		expect(Object.keys(first.result!).sort()).toEqual(['create_time', 'state', 'transaction']);
		during(first.result!.create_time, started);
		expect(first.result!.state).toBe(1);
		expect(first.result!.transaction).toMatch(/^\d+$/);
		expect((await create(1, id)).result).toEqual(first.result);
		// The same id with other parameters is not a repeat.
		expectError(await create(0, id, { amount: AMOUNT + 100 }), -31008, 'id');

		const balanceBefore = balance() as number;
		const performStarted = Date.now();
		const performed = await call(0, 'PerformTransaction', { id });
		expect(Object.keys(performed.result!).sort()).toEqual(['perform_time', 'state', 'transaction']);
		expect(performed.result!.transaction).toBe(first.result!.transaction);
		expect(performed.result!.state).toBe(2);
		during(performed.result!.perform_time, performStarted);
		expect((await call(1, 'PerformTransaction', { id })).result).toEqual(performed.result);
		expect(entries(`payme:${id}`)).toEqual([{ kind: 'payment', amount: AMOUNT }]);
		expect(balance()).toBe(balanceBefore + AMOUNT);
		// A performed transaction cannot be created again.
		expectError(await create(0, id), -31008, 'id');

		expect((await call(0, 'CheckTransaction', { id })).result).toEqual({
			create_time: first.result!.create_time,
			perform_time: performed.result!.perform_time,
			cancel_time: 0,
			transaction: first.result!.transaction,
			state: 2,
			reason: null
		});
	});

	it('cancel before perform: state -1 with the reason, nothing credited, perform refused, repeat the same', async () => {
		const id = newId();
		const created = await create(0, id);
		const started = Date.now();
		const cancelled = await call(0, 'CancelTransaction', { id, reason: 3 });
		expect(Object.keys(cancelled.result!).sort()).toEqual(['cancel_time', 'state', 'transaction']);
		expect(cancelled.result!.state).toBe(-1);
		expect(cancelled.result!.transaction).toBe(created.result!.transaction);
		during(cancelled.result!.cancel_time, started);
		expect((await call(1, 'CancelTransaction', { id, reason: 3 })).result).toEqual(
			cancelled.result
		);
		expectError(await call(0, 'PerformTransaction', { id }), -31008, 'id');
		expect(entries(`payme:${id}`)).toEqual([]);
		expect((await call(0, 'CheckTransaction', { id })).result).toEqual({
			create_time: created.result!.create_time,
			perform_time: 0,
			cancel_time: cancelled.result!.cancel_time,
			transaction: created.result!.transaction,
			state: -1,
			reason: 3
		});
	});

	it('cancel after perform: state -2 and a refund entry, once; a repeat keeps its cancel_time', async () => {
		const id = newId();
		const created = await create(0, id);
		const performed = await call(0, 'PerformTransaction', { id });
		const balanceBefore = balance() as number;
		const cancelled = await call(1, 'CancelTransaction', { id, reason: 5 });
		expect(cancelled.result!.state).toBe(-2);
		expect(cancelled.result!.transaction).toBe(created.result!.transaction);
		const again = await Promise.all(
			Array.from({ length: 6 }, (_, i) => call(i % 2, 'CancelTransaction', { id, reason: 5 }))
		);
		for (const a of again) expect(a.result).toEqual(cancelled.result);
		expect(entries(`payme:${id}`)).toEqual([
			{ kind: 'payment', amount: AMOUNT },
			{ kind: 'refund', amount: -AMOUNT }
		]);
		expect(balance()).toBe(balanceBefore - AMOUNT);
		expectError(await call(0, 'PerformTransaction', { id }), -31008, 'id');
		expect((await call(0, 'CheckTransaction', { id })).result).toEqual({
			create_time: created.result!.create_time,
			perform_time: performed.result!.perform_time,
			cancel_time: cancelled.result!.cancel_time,
			transaction: created.result!.transaction,
			state: -2,
			reason: 5
		});
		expect(verifyLedger(db).mismatches).toEqual([]);
	});

	it('unknown transactions are -31003; a cancel without a published reason is -32600', async () => {
		for (const method of ['PerformTransaction', 'CheckTransaction'])
			expectError(await call(0, method, { id: newId() }), -31003, 'id');
		expectError(await call(0, 'CancelTransaction', { id: newId(), reason: 5 }), -31003, 'id');
		const id = newId();
		await create(0, id);
		for (const reason of [0, 6, '5', null])
			expectError(await call(0, 'CancelTransaction', { id, reason }), -32600, 'reason');
	});
});

describe('Payme on the running server: the 12-hour timeout', () => {
	it('a CreateTransaction whose time is more than 12 hours old is refused -31008 and writes nothing', async () => {
		const before = written();
		expectError(await create(0, newId(), { time: Date.now() - 12 * HOUR - 1000 }), -31008, 'time');
		expect(written()).toBe(before);
		// Just inside: accepted.
		expect((await create(0, newId(), { time: Date.now() - 11 * HOUR })).result?.state).toBe(1);
	});

	it('a pending transaction reaching 12 hours is cancelled with reason 4 and cannot be performed', async () => {
		const id = newId();
		const created = await create(0, id);
		// Server 2's clock is 13 h ahead: there the transaction has timed out.
		expectError(await call(2, 'PerformTransaction', { id }), -31008, 'id');
		const checked = await call(2, 'CheckTransaction', { id });
		expect(checked.result).toMatchObject({
			create_time: created.result!.create_time,
			perform_time: 0,
			transaction: created.result!.transaction,
			state: -1,
			reason: 4
		});
		const cancelTime = checked.result!.cancel_time as number;
		expect(cancelTime).toBeGreaterThanOrEqual((created.result!.create_time as number) + 12 * HOUR);
		expect(cancelTime).toBeLessThanOrEqual(Date.now() + AHEAD_MS + 1000);
		// Not even on the process whose clock is now: cancelled is final.
		expectError(await call(0, 'PerformTransaction', { id }), -31008, 'id');
		expectError(await create(0, id), -31008, 'id');
		expect(entries(`payme:${id}`)).toEqual([]);
	});

	it('a repeated CreateTransaction of a pending one past 12 hours cancels it (reason 4) and is refused', async () => {
		const id = newId();
		await create(0, id);
		expectError(await create(2, id), -31008, 'id');
		expect((await call(0, 'CheckTransaction', { id })).result).toMatchObject({
			state: -1,
			reason: 4
		});
	});
});

describe('Payme on the running server: orders', () => {
	it('20 concurrent CreateTransactions with different ids for one order: one wins, the others -31099', async () => {
		const orderId = `intent-${newId()}`;
		openOrder(db, {
			intentId: orderId,
			accountId: account.id,
			operator: 'payme',
			amountTiyin: AMOUNT,
			nowMs: Date.now()
		});
		const ids = Array.from({ length: 20 }, newId);
		const answers = await Promise.all(
			ids.map((id, i) =>
				create(i % 2, id, { account: { account: account.number, order: orderId } })
			)
		);
		const won = answers.filter((a) => a.result);
		expect(won).toHaveLength(1);
		expect(won[0].result!.state).toBe(1);
		for (const a of answers.filter((x) => x.error)) expectError(a, -31099, 'order');
		const winner = ids[answers.indexOf(won[0])];
		expect((await call(0, 'PerformTransaction', { id: winner })).result?.state).toBe(2);
		expect(
			db.$client.prepare('select status from payment_orders where id = ?').pluck().get(orderId)
		).toBe('paid');
		// Paid: a new transaction for it is refused in the account range, naming the order.
		expectError(
			await create(0, newId(), { account: { account: account.number, order: orderId } }),
			-31053,
			'order'
		);
		expectError(
			await create(0, newId(), { account: { account: account.number, order: 'no-such-order' } }),
			-31051,
			'order'
		);
	});

	it('20 Creates then 20 Performs of one transaction, split over two processes, credit once', async () => {
		const id = newId();
		const params = { id, time: Date.now(), amount: AMOUNT, account: { account: account.number } };
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
		expect(entries(`payme:${id}`)).toEqual([{ kind: 'payment', amount: AMOUNT }]);
		expect(verifyLedger(db).mismatches).toEqual([]);
	});
});

describe('Payme on the running server: GetStatement', () => {
	it('lists the transactions whose Payme time lies in the period, oldest first, with every field', async () => {
		const base = Date.now() - 3 * HOUR;
		const [a, b, c, outside] = [newId(), newId(), newId(), newId()];
		await create(0, outside, { time: base - 1 });
		await create(0, b, { time: base + 2000 });
		await create(0, a, { time: base });
		await create(0, c, { time: base + 4000 });
		await call(0, 'PerformTransaction', { id: b });
		await call(0, 'CancelTransaction', { id: c, reason: 2 });
		const answer = await call(1, 'GetStatement', { from: base, to: base + 4000 });
		const list = answer.result!.transactions as Array<Record<string, unknown>>;
		expect(list.map((t) => t.id)).toEqual([a, b, c]);
		for (const t of list) {
			expect(Object.keys(t).sort()).toEqual(
				[
					'account',
					'amount',
					'cancel_time',
					'create_time',
					'id',
					'perform_time',
					'reason',
					'receivers',
					'state',
					'time',
					'transaction'
				].sort()
			);
			expect(t.amount).toBe(AMOUNT);
			expect(t.account).toEqual({ account: account.number });
			expect(t.receivers).toBeNull();
			const check = await call(0, 'CheckTransaction', { id: t.id });
			for (const k of [
				'create_time',
				'perform_time',
				'cancel_time',
				'transaction',
				'state',
				'reason'
			])
				expect(t[k]).toBe(check.result![k]);
		}
		expect(list.map((t) => [t.time, t.state, t.reason])).toEqual([
			[base, 1, null],
			[base + 2000, 2, null],
			[base + 4000, -1, 2]
		]);
		expect((await call(0, 'GetStatement', { from: base + 4001, to: base + 5000 })).result).toEqual({
			transactions: []
		});
		expectError(await call(0, 'GetStatement', { from: base, to: base - 1 }), -32600, 'to');
		expectError(await call(0, 'GetStatement', { from: 'yesterday', to: base }), -32600, 'from');
	});
});

describe('Payme on the running server: bad input', () => {
	it('junk JSON, a wrong content type, a 2 MB body, a GET and wrong shapes get protocol errors, never a 500, writing nothing', async () => {
		const before = written();
		const valid = JSON.stringify({
			jsonrpc: '2.0',
			id: 3,
			method: 'CreateTransaction',
			params: {
				id: newId(),
				time: Date.now(),
				amount: AMOUNT,
				account: { account: account.number }
			}
		});
		expectError(await rpc(0, '{"jsonrpc":'), -32700);
		expectError(await rpc(0, '\u0000\u00ff garbage'), -32700);
		expectError(await rpc(0, ''), -32700);
		expectError(await rpc(0, valid, { type: 'text/html' }), -32600, 'content-type');
		expectError(await rpc(0, valid, { type: 'application/xml' }), -32600, 'content-type');
		expectError(await rpc(0, '[1,2]'), -32600);
		expectError(await rpc(0, '"CreateTransaction"'), -32600);
		expectError(await rpc(0, '{"jsonrpc":"2.0","id":1,"params":{}}'), -32600, 'method');
		expectError(
			await rpc(0, '{"jsonrpc":"2.0","id":1,"method":"CheckTransaction","params":[]}'),
			-32600,
			'params'
		);
		expectError(
			await rpc(0, '{"jsonrpc":"2.0","id":1,"method":"DropTables","params":{}}'),
			-32601,
			'method'
		);
		expectError(await rpc(0, '', { method: 'GET' }), -32300);
		const huge = JSON.stringify({
			jsonrpc: '2.0',
			id: 9,
			method: 'CreateTransaction',
			params: { pad: 'x'.repeat(2 * 1024 * 1024) }
		});
		// Both: the handler's own 64 kB limit, and adapter-node's BODY_SIZE_LIMIT under it.
		for (const server of [0, 1]) expectError(await rpc(server, huge), -32600, 'body');
		// A form content type never reaches the endpoint: SvelteKit's CSRF guard refuses a form POST
		// without this origin (403) before any handler runs. Payme sends JSON only.
		for (const type of ['application/x-www-form-urlencoded', 'text/plain']) {
			const form = await fetch(`${servers[0].baseURL}/api/payments/payme`, {
				method: 'POST',
				headers: { 'content-type': type, authorization: AUTH },
				body: valid
			});
			expect(form.status).toBe(403);
		}
		expect(written()).toBe(before);
		for (const s of servers) expect(s.running).toBe(true);
		for (const s of servers) expect(s.log).not.toMatch(/Payme request failed/);
	});
});
