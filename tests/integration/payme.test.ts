import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { POST } from '../../src/routes/api/payments/payme/+server';
import type { Db } from '../../src/lib/server/db';
import { verifyLedger } from '../../src/lib/server/services/ledger';
import { openOrder } from '../../src/lib/server/services/payments/orders';
import { tempDb } from './helpers/testDb';
import { anAccount } from './helpers/builders';

// Plays Payme against the real route handler, scenario by scenario as Payme's merchant sandbox
// does. The route reads PAYME_KEY and the database (DATA_DIR) per request, as in production.
let db: Db;
let cleanup: () => void;
const KEY = 'payme-test-key-7c1e';
beforeAll(() => {
	const t = tempDb();
	({ db, cleanup } = t);
	process.env.DATA_DIR = t.dir;
});
afterAll(() => cleanup());
beforeEach(() => {
	process.env.PAYME_KEY = KEY;
});

const basic = (login: string, password: string) =>
	`Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`;

interface Answer {
	jsonrpc: string;
	id: unknown;
	result?: Record<string, unknown>;
	error?: { code: number; message: { ru: string; uz: string; en: string }; data?: string };
}

async function send(
	body: string | Uint8Array<ArrayBuffer>,
	opts: { authorization?: string | null; type?: string; from?: string } = {}
): Promise<Answer> {
	const headers: Record<string, string> = { 'content-type': opts.type ?? 'application/json' };
	const authorization =
		opts.authorization === undefined ? basic('Paycom', KEY) : opts.authorization;
	if (authorization !== null) headers.authorization = authorization;
	const request = new Request('http://localhost/api/payments/payme', {
		method: 'POST',
		headers,
		body
	});
	const getClientAddress = () => opts.from ?? '127.0.0.1';
	const response = await POST({ request, getClientAddress } as Parameters<typeof POST>[0]);
	// Payme reads the outcome from the body: every answer is HTTP 200 JSON-RPC.
	expect(response.status).toBe(200);
	const answer = (await response.json()) as Answer;
	expect(answer.jsonrpc).toBe('2.0');
	return answer;
}

let rpcId = 0;
function call(
	method: string,
	params: unknown,
	opts: { authorization?: string | null; from?: string } = {}
) {
	return send(JSON.stringify({ jsonrpc: '2.0', id: ++rpcId, method, params }), opts);
}

function expectError(answer: Answer, code: number, data?: string) {
	expect(answer.result).toBeUndefined();
	expect(answer.error?.code).toBe(code);
	for (const lang of ['ru', 'uz', 'en'] as const) expect(answer.error?.message[lang]).toMatch(/\S/);
	if (data !== undefined) expect(answer.error?.data).toBe(data);
}

const count = (sql: string, ...args: unknown[]) =>
	(db.$client.prepare(sql).get(...args) as { n: number }).n;
const balance = (accountId: number) =>
	(
		db.$client.prepare('select balance_tiyin as b from accounts where id = ?').get(accountId) as {
			b: number;
		}
	).b;
const entries = (accountId: number) =>
	db.$client
		.prepare(
			'select kind, amount_tiyin as amount, source_ref as ref, operator from ledger_entries where account_id = ? order by id'
		)
		.all(accountId);
const written = () =>
	count('select count(*) as n from payment_transactions') +
	count('select count(*) as n from ledger_entries');

let txSeq = 0;
const newTxId = () => `6a1f${String(++txSeq).padStart(20, '0')}`;
const AMOUNT = 5_000_000; // 50,000 so'm

function create(
	id: string,
	account: string,
	opts: { amount?: number; time?: number; order?: string } = {}
) {
	return call('CreateTransaction', {
		id,
		time: opts.time ?? Date.now(),
		amount: opts.amount ?? AMOUNT,
		account: opts.order ? { account, order: opts.order } : { account }
	});
}

describe('Payme Merchant API: authorization and configuration', () => {
	it('refuses a missing, malformed or wrong Authorization with -32504 and the request id', async () => {
		const { number } = anAccount(db);
		const params = { amount: AMOUNT, account: { account: number } };
		for (const authorization of [
			null,
			'Bearer x',
			basic('Paycom', 'wrong'),
			basic('paycom', KEY),
			basic('Paycom', `${KEY}x`),
			'Basic !!!'
		]) {
			const answer = await call('CheckPerformTransaction', params, { authorization });
			expectError(answer, -32504);
			expect(answer.id).toBe(rpcId);
		}
		expect((await call('CheckPerformTransaction', params)).result).toEqual({ allow: true });
	});

	it('answers that Payme is not configured when PAYME_KEY is unset, and writes nothing', async () => {
		delete process.env.PAYME_KEY;
		const { number } = anAccount(db);
		const before = written();
		const answer = await create(newTxId(), number);
		expectError(answer, -32400);
		expect(answer.error?.message.en).toMatch(/not configured/);
		// No key means no way in, not even with the demo's or an empty password.
		expectError(await create(newTxId(), number, {}), -32400);
		expect(written()).toBe(before);
	});

	it('answers ChangePassword, unknown methods and wrong params as protocol errors', async () => {
		expectError(
			await call('ChangePassword', { password: 'new' }, { authorization: basic('Paycom', 'x') }),
			-32504
		);
		expectError(await call('ChangePassword', { password: 'new' }), -32600, 'password');
		expectError(await call('ChangePassword', { password: 42 }), -32600, 'password');
		expectError(await call('DropTables', {}), -32601, 'method');
		expectError(await call('toString', {}), -32601, 'method');
		expectError(await call('CheckTransaction', { id: 42 }), -32600, 'id');
		expectError(
			await send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'CheckTransaction' })),
			-32600,
			'params'
		);
	});
});

const payable = (account: string) => ({ amount: AMOUNT, account: { account } });

describe('Payme Merchant API: PAYME_ALLOWED_IPS', () => {
	afterAll(() => {
		delete process.env.PAYME_ALLOWED_IPS;
	});
	it("answers -32504 to a caller outside the list, whatever its key; Payme's own range passes", async () => {
		const { number } = anAccount(db);
		process.env.PAYME_ALLOWED_IPS = '185.234.113.0/28, 2001:db8::/32,10.1.2.3';
		for (const from of [
			'185.234.113.1',
			'185.234.113.15',
			'::ffff:185.234.113.7',
			'10.1.2.3',
			'2001:db8::9'
		])
			expect(await call('CheckPerformTransaction', payable(number), { from })).toMatchObject({
				result: { allow: true }
			});
		for (const from of ['185.234.113.16', '10.1.2.4', '127.0.0.1', 'unknown', '2001:db9::1']) {
			const answer = await call('CheckPerformTransaction', payable(number), { from });
			expectError(answer, -32504);
			expect(answer.error?.message.en).toMatch(/address/);
		}
	});
	it('a typo in the list refuses everyone with a system error rather than letting anyone in', async () => {
		const { number } = anAccount(db);
		process.env.PAYME_ALLOWED_IPS = '185.234.113.0/33';
		expectError(
			await call('CheckPerformTransaction', payable(number), { from: '185.234.113.1' }),
			-32400
		);
		process.env.PAYME_ALLOWED_IPS = '185.234.113.x';
		expectError(
			await call('CheckPerformTransaction', payable(number), { from: '185.234.113.1' }),
			-32400
		);
	});
});

describe('Payme Merchant API: ChangePassword', () => {
	it('stores the new key, which then replaces PAYME_KEY; the old one is refused', async () => {
		const NEW = 'Xq7-new-payme-key-from-the-cabinet-0042';
		const { number } = anAccount(db);
		expect(await call('ChangePassword', { password: NEW })).toMatchObject({
			result: { success: true }
		});
		// Only its hash is kept.
		const stored = db.$client.prepare('select * from payment_operator_keys').all();
		expect(JSON.stringify(stored)).not.toContain(NEW);
		expect(stored).toHaveLength(1);
		expectError(await call('CheckPerformTransaction', payable(number)), -32504);
		const withNew = { authorization: basic('Paycom', NEW) };
		expect(await call('CheckPerformTransaction', payable(number), withNew)).toMatchObject({
			result: { allow: true }
		});
		expectError(
			await call('CheckPerformTransaction', payable(number), { authorization: basic('X', NEW) }),
			-32504
		);
		// Payme changes it back (the other tests use KEY).
		expect(await call('ChangePassword', { password: KEY }, withNew)).toMatchObject({
			result: { success: true }
		});
		expectError(await call('CheckPerformTransaction', payable(number), withNew), -32504);
		expect(await call('CheckPerformTransaction', payable(number))).toMatchObject({
			result: { allow: true }
		});
	});
});

describe('Payme Merchant API: amounts and accounts', () => {
	it('refuses wrong amounts with -31001 naming the amount, before looking at the account', async () => {
		const { number } = anAccount(db);
		const before = written();
		// 1e309 is Infinity to JSON.parse; 20 digits is past any exact number.
		for (const amount of [
			'0',
			'-5000000',
			'5000000.5',
			'1e309',
			'99999',
			'12345678901234567890',
			'"5000000"',
			'null'
		])
			for (const method of ['CheckPerformTransaction', 'CreateTransaction']) {
				const answer = await send(
					`{"jsonrpc":"2.0","id":7,"method":"${method}","params":{"id":"${newTxId()}","time":${Date.now()},"amount":${amount},"account":{"account":"${number}"}}}`
				);
				expectError(answer, -31001, 'amount');
				expect(answer.id).toBe(7);
			}
		expect(written()).toBe(before);
	});

	it('refuses an unknown or malformed account with -31050 naming the account', async () => {
		const before = written();
		for (const account of [
			{ account: '1726999999' },
			{ account: 1726001001 },
			{},
			{ account: 'abc' },
			null
		]) {
			expectError(
				await call('CheckPerformTransaction', { amount: AMOUNT, account }),
				-31050,
				'account'
			);
			expectError(
				await call('CreateTransaction', {
					id: newTxId(),
					time: Date.now(),
					amount: AMOUNT,
					account
				}),
				-31050,
				'account'
			);
		}
		expect(written()).toBe(before);
	});

	it('checks an order from the app: its account, its amount, and one pending transaction at a time', async () => {
		const mine = anAccount(db);
		const other = anAccount(db);
		const order = openOrder(db, {
			intentId: '01936f00-0000-7000-8000-00000000a001',
			accountId: mine.id,
			operator: 'payme',
			amountTiyin: AMOUNT,
			nowMs: Date.now()
		});
		// The same intent again is the same order.
		expect(
			openOrder(db, {
				intentId: order.id,
				accountId: mine.id,
				operator: 'payme',
				amountTiyin: 1_000_00,
				nowMs: 1
			})
		).toEqual(order);
		const check = (account: string, orderId: string, amount = AMOUNT) =>
			call('CheckPerformTransaction', { amount, account: { account, order: orderId } });
		expect((await check(mine.number, order.id)).result).toEqual({ allow: true });
		expectError(await check(mine.number, 'no-such-order'), -31051, 'order');
		expectError(await check(other.number, order.id), -31052, 'order');
		expectError(await check(mine.number, order.id, AMOUNT + 100), -31001, 'amount');

		const first = newTxId();
		expect((await create(first, mine.number, { order: order.id })).result?.state).toBe(1);
		expectError(await create(newTxId(), mine.number, { order: order.id }), -31099, 'order');
		await call('PerformTransaction', { id: first });
		expectError(await check(mine.number, order.id), -31053, 'order');
		expect(
			db.$client.prepare('select status from payment_orders where id = ?').pluck().get(order.id)
		).toBe('paid');
	});
});

describe('Payme Merchant API: the life of a transaction', () => {
	it('creates once: a repeat returns the same create_time, transaction and state', async () => {
		const { number } = anAccount(db);
		const id = newTxId();
		const first = await create(id, number);
		expect(first.result).toEqual({
			create_time: expect.any(Number),
			transaction: expect.any(String),
			state: 1
		});
		const again = await create(id, number);
		expect(again.result).toEqual(first.result);
		expect(
			count('select count(*) as n from payment_transactions where operator_tx_id = ?', id)
		).toBe(1);
		// The same id with another amount is not the same transaction.
		expectError(await create(id, number, { amount: AMOUNT + 100 }), -31008, 'id');
	});

	it('performs once: a repeat returns the same perform_time and one payment entry moves the balance', async () => {
		const { id: accountId, number } = anAccount(db, { balanceTiyin: 0 });
		const id = newTxId();
		const created = await create(id, number);
		const performed = await call('PerformTransaction', { id });
		expect(performed.result).toEqual({
			transaction: created.result?.transaction,
			perform_time: expect.any(Number),
			state: 2
		});
		const again = await call('PerformTransaction', { id });
		expect(again.result).toEqual(performed.result);
		expect(entries(accountId)).toEqual([
			{ kind: 'payment', amount: AMOUNT, ref: `payme:${id}`, operator: 'payme' }
		]);
		expect(balance(accountId)).toBe(AMOUNT);
		// Performed is final for Create.
		expectError(await create(id, number), -31008, 'id');
		const checked = await call('CheckTransaction', { id });
		expect(checked.result).toEqual({
			create_time: created.result?.create_time,
			perform_time: performed.result?.perform_time,
			cancel_time: 0,
			transaction: created.result?.transaction,
			state: 2,
			reason: null
		});
	});

	it('refuses to perform or cancel an unknown transaction with -31003', async () => {
		expectError(await call('PerformTransaction', { id: newTxId() }), -31003, 'id');
		expectError(await call('CancelTransaction', { id: newTxId(), reason: 1 }), -31003, 'id');
		expectError(await call('CheckTransaction', { id: newTxId() }), -31003, 'id');
	});

	it('cancels before perform (state -1, nothing credited); it can then not be performed', async () => {
		const { id: accountId, number } = anAccount(db);
		const id = newTxId();
		await create(id, number);
		const cancelled = await call('CancelTransaction', { id, reason: 3 });
		expect(cancelled.result).toEqual({
			transaction: expect.any(String),
			cancel_time: expect.any(Number),
			state: -1
		});
		expect((await call('CancelTransaction', { id, reason: 5 })).result).toEqual(cancelled.result);
		expectError(await call('PerformTransaction', { id }), -31008, 'id');
		expect((await call('CheckTransaction', { id })).result).toMatchObject({
			state: -1,
			reason: 3,
			perform_time: 0
		});
		expect(entries(accountId)).toEqual([]);
		expect(balance(accountId)).toBe(0);
		expectError(await call('CancelTransaction', { id, reason: 99 }), -32600, 'reason');
	});

	it('cancels after perform with a refund entry (state -2); a repeat keeps the cancel_time', async () => {
		const { id: accountId, number } = anAccount(db);
		const id = newTxId();
		await create(id, number);
		await call('PerformTransaction', { id });
		const cancelled = await call('CancelTransaction', { id, reason: 5 });
		expect(cancelled.result).toEqual({
			transaction: expect.any(String),
			cancel_time: expect.any(Number),
			state: -2
		});
		const again = await call('CancelTransaction', { id, reason: 5 });
		expect(again.result).toEqual(cancelled.result);
		expect(entries(accountId)).toEqual([
			{ kind: 'payment', amount: AMOUNT, ref: `payme:${id}`, operator: 'payme' },
			{ kind: 'refund', amount: -AMOUNT, ref: `payme:${id}:refund`, operator: 'payme' }
		]);
		expect(balance(accountId)).toBe(0);
		expectError(await call('PerformTransaction', { id }), -31008, 'id');
	});
});

describe('Payme Merchant API: the 12-hour timeout', () => {
	const HOUR = 3_600_000;

	it('refuses a Create whose time is 12 hours old', async () => {
		const { number } = anAccount(db);
		const before = written();
		expectError(
			await create(newTxId(), number, { time: Date.now() - 12 * HOUR - 1000 }),
			-31008,
			'time'
		);
		expect(written()).toBe(before);
		expect((await create(newTxId(), number, { time: Date.now() - 11 * HOUR })).result?.state).toBe(
			1
		);
	});

	it('cancels a pending transaction that reached 12 hours with reason 4 and refuses to perform it', async () => {
		const { id: accountId, number } = anAccount(db);
		const id = newTxId();
		await create(id, number);
		// Twelve hours pass: moved into the past, as the clock cannot be.
		db.$client
			.prepare(
				'update payment_transactions set created_at_ms = created_at_ms - ? where operator_tx_id = ?'
			)
			.run(12 * HOUR, id);
		expectError(await call('PerformTransaction', { id }), -31008, 'id');
		const checked = await call('CheckTransaction', { id });
		expect(checked.result).toMatchObject({ state: -1, reason: 4, perform_time: 0 });
		expect(checked.result?.cancel_time).toBeGreaterThan(0);
		expectError(await create(id, number), -31008, 'id');
		expect(entries(accountId)).toEqual([]);
	});

	it('a retried Create of a pending transaction past 12 hours cancels it with reason 4', async () => {
		const { number } = anAccount(db);
		const id = newTxId();
		await create(id, number);
		db.$client
			.prepare(
				'update payment_transactions set created_at_ms = created_at_ms - ? where operator_tx_id = ?'
			)
			.run(12 * HOUR, id);
		expectError(await create(id, number), -31008, 'id');
		expect((await call('CheckTransaction', { id })).result).toMatchObject({ state: -1, reason: 4 });
	});
});

describe('Payme Merchant API: statement', () => {
	it('lists the transactions whose Payme time lies in the period, with every field', async () => {
		const { number } = anAccount(db);
		const base = Date.parse('2026-11-20T10:00:00Z');
		const ids = [newTxId(), newTxId(), newTxId()];
		// Created within the last 12 hours, so "time" is recent: the period is around now.
		const now = Date.now();
		await create(ids[0], number, { time: now - 3000 });
		await create(ids[1], number, { time: now - 2000 });
		await create(ids[2], number, { time: now - 1000 });
		await call('PerformTransaction', { id: ids[1] });
		await call('CancelTransaction', { id: ids[2], reason: 2 });
		const answer = await call('GetStatement', { from: now - 2500, to: now - 500 });
		const list = answer.result?.transactions as Array<Record<string, unknown>>;
		expect(list.map((t) => t.id)).toEqual([ids[1], ids[2]]);
		expect(list[0]).toEqual({
			id: ids[1],
			time: now - 2000,
			amount: AMOUNT,
			account: { account: number },
			create_time: expect.any(Number),
			perform_time: expect.any(Number),
			cancel_time: 0,
			transaction: expect.any(String),
			state: 2,
			reason: null,
			receivers: null
		});
		expect(list[1]).toMatchObject({ state: -1, reason: 2, perform_time: 0 });
		expect((await call('GetStatement', { from: base, to: base + 1000 })).result).toEqual({
			transactions: []
		});
		expectError(await call('GetStatement', { from: now, to: now - 1 }), -32600, 'to');
		expectError(await call('GetStatement', { from: 'yesterday', to: now }), -32600, 'from');
	});
});

describe('Payme Merchant API: concurrency', () => {
	it('20 concurrent Creates and Performs of one transaction credit once', async () => {
		const { id: accountId, number } = anAccount(db);
		const id = newTxId();
		const creates = await Promise.all(Array.from({ length: 20 }, () => create(id, number)));
		const transactionIds = new Set(creates.map((a) => a.result?.transaction));
		expect(transactionIds.size).toBe(1);
		expect(creates.every((a) => a.result?.state === 1)).toBe(true);
		const performs = await Promise.all(
			Array.from({ length: 20 }, () => call('PerformTransaction', { id }))
		);
		expect(new Set(performs.map((a) => JSON.stringify(a.result))).size).toBe(1);
		expect(performs[0].result?.state).toBe(2);
		expect(entries(accountId)).toHaveLength(1);
		expect(balance(accountId)).toBe(AMOUNT);
	});

	it('20 concurrent Creates for one order with different ids: exactly one wins', async () => {
		const { id: accountId, number } = anAccount(db);
		const order = openOrder(db, {
			intentId: '01936f00-0000-7000-8000-00000000a002',
			accountId,
			operator: 'payme',
			amountTiyin: AMOUNT,
			nowMs: Date.now()
		});
		const answers = await Promise.all(
			Array.from({ length: 20 }, () => create(newTxId(), number, { order: order.id }))
		);
		expect(answers.filter((a) => a.result?.state === 1)).toHaveLength(1);
		expect(answers.filter((a) => a.error?.code === -31099)).toHaveLength(19);
	});
});

describe('Payme Merchant API: junk', () => {
	it('answers junk JSON, a wrong content type and a 2 MB body with protocol errors and writes nothing', async () => {
		const { number } = anAccount(db);
		const before = written();
		const valid = JSON.stringify({
			jsonrpc: '2.0',
			id: 1,
			method: 'CreateTransaction',
			params: { id: newTxId(), time: Date.now(), amount: AMOUNT, account: { account: number } }
		});
		expectError(await send('{"jsonrpc":"2.0","id":1,'), -32700);
		expectError(await send(''), -32700);
		expectError(await send(new Uint8Array([0xff, 0xfe, 0x00, 0x7b])), -32700);
		expectError(await send('[1,2,3]'), -32600);
		expectError(await send('"hello"'), -32600);
		expectError(await send('null'), -32600);
		expectError(await send(valid, { type: 'text/plain' }), -32600, 'content-type');
		expectError(
			await send(valid, { type: 'application/x-www-form-urlencoded' }),
			-32600,
			'content-type'
		);
		const huge = JSON.stringify({
			jsonrpc: '2.0',
			id: 1,
			method: 'CreateTransaction',
			params: { pad: 'x'.repeat(2 * 1024 * 1024) }
		});
		expectError(await send(huge), -32600, 'body');
		expect(written()).toBe(before);
	});
});

describe('Payme Merchant API: the ledger afterwards', () => {
	it('verifies: every cached balance equals its entries', () => {
		const report = verifyLedger(db);
		expect(report.entries).toBeGreaterThan(0);
		expect(report.mismatches).toEqual([]);
	});
});
