import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/lib/server/db';
import { verifyLedger } from '../../src/lib/server/services/ledger';
import { tempDb } from './helpers/testDb';
import { anAccount } from './helpers/builders';
import { startBuiltServer } from './helpers/builtServer';

// Paynet's provider service played as Paynet plays it, over HTTP against the built server (two
// processes on one SQLite file): GetInformation, PerformTransaction (one step), Check, Cancel,
// GetStatement, ChangePassword, with every refusal code and field asserted.

const LOGIN = 'paynet-test';
const PASSWORD = 'paynet-server-pass-4d1';
const SERVICE = 1726;
let servers: Array<Awaited<ReturnType<typeof startBuiltServer>>> = [];
let cleanup: () => void;
let db: Db;
let account: { id: number; number: string };

beforeAll(async () => {
	const t = tempDb();
	cleanup = t.cleanup;
	account = anAccount(t.db);
	t.db.$client.close();
	const env = {
		PAYNET_LOGIN: LOGIN,
		PAYNET_PASSWORD: PASSWORD,
		PAYNET_SERVICE_ID: String(SERVICE)
	};
	servers = await Promise.all([
		startBuiltServer(t.dir, env),
		startBuiltServer(t.dir, { ...env, BODY_SIZE_LIMIT: '512K' })
	]);
	db = openDatabase(join(t.dir, 'tok.sqlite'));
}, 90_000);
afterAll(async () => {
	await Promise.all(servers.map((s) => s.stop()));
	db?.$client.close();
	cleanup?.();
});

const basic = (login: string, password: string) =>
	`Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`;
let auth = basic(LOGIN, PASSWORD);

interface Answer {
	status: number;
	body: {
		jsonrpc?: string;
		id?: unknown;
		result?: Record<string, unknown>;
		error?: { code: number; message: string; data?: string };
	};
	headers: Headers;
}

async function post(
	body: string,
	init: { server?: number; authorization?: string | null; type?: string } = {}
): Promise<Answer> {
	const headers: Record<string, string> = { 'content-type': init.type ?? 'application/json' };
	const authorization = init.authorization === undefined ? auth : init.authorization;
	if (authorization !== null) headers.authorization = authorization;
	const response = await fetch(`${servers[init.server ?? 0].baseURL}/api/payments/paynet`, {
		method: 'POST',
		headers,
		body
	});
	return { status: response.status, body: await response.json(), headers: response.headers };
}
const call = (method: string, params: unknown, server = 0) =>
	post(JSON.stringify({ jsonrpc: '2.0', id: 7, method, params }), { server });

const counts = () => ({
	tx: db.$client.prepare('select count(*) from payment_transactions').pluck().get(),
	ledger: db.$client.prepare('select count(*) from ledger_entries').pluck().get()
});
/** Tashkent time written independently of the server's formatter: UTC+5, 'YYYY-MM-DD HH:mm:ss'. */
const tashkent = (ms: number) => {
	const d = new Date(ms + 5 * 3_600_000);
	const p = (n: number) => String(n).padStart(2, '0');
	return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
};
const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const ledgerOf = () =>
	db.$client
		.prepare(
			'select kind, amount_tiyin as amount, source_ref as ref from ledger_entries where account_id = ? order by id'
		)
		.all(account.id);
const perform = (transactionId: number, amount: number, extra: Record<string, unknown> = {}) =>
	call('PerformTransaction', {
		serviceId: SERVICE,
		transactionId,
		transactionTime: tashkent(Date.now()),
		amount,
		fields: { account: account.number },
		...extra
	});

describe('Paynet on the running server', () => {
	it('wrong or missing Basic credentials are a real HTTP 401 with code 412, nothing written', async () => {
		const before = counts();
		const body = JSON.stringify({
			jsonrpc: '2.0',
			id: 1,
			method: 'PerformTransaction',
			params: {
				serviceId: SERVICE,
				transactionId: 1,
				amount: 5_000_000,
				fields: { account: account.number }
			}
		});
		for (const authorization of [
			null,
			basic(LOGIN, 'wrong'),
			basic('other', PASSWORD),
			'Bearer x',
			basic(LOGIN, '')
		]) {
			const a = await post(body, { authorization });
			expect(a.status).toBe(401);
			expect(a.headers.get('www-authenticate')).toMatch(/^Basic/);
			expect(a.body.error?.code).toBe(412);
			expect(a.body.id).toBe(1);
			expect(a.body.result).toBeUndefined();
		}
		expect(counts()).toEqual(before);
	});

	it('GetInformation: a known account, an unknown one (302), no account (411), another service (305)', async () => {
		const ok = await call('GetInformation', {
			serviceId: SERVICE,
			fields: { account: account.number }
		});
		expect(ok.status).toBe(200);
		expect(ok.body.jsonrpc).toBe('2.0');
		expect(ok.body.id).toBe(7);
		expect(ok.body.result?.status).toBe('0');
		expect(ok.body.result?.timestamp).toMatch(TIME);
		expect(
			Math.abs(
				Date.parse(`${String(ok.body.result?.timestamp).replace(' ', 'T')}+05:00`) - Date.now()
			)
		).toBeLessThan(5_000);
		expect(ok.body.result?.fields).toEqual({ account: account.number });
		expect(
			(await call('GetInformation', { serviceId: SERVICE, fields: { account: '1' } })).body.error
		).toMatchObject({ code: 302, data: 'fields.account' });
		expect(
			(await call('GetInformation', { serviceId: SERVICE, fields: {} })).body.error
		).toMatchObject({ code: 411, data: 'fields.account' });
		expect((await call('GetInformation', { serviceId: SERVICE })).body.error?.code).toBe(411);
		expect(
			(await call('GetInformation', { serviceId: 9, fields: { account: account.number } })).body
				.error
		).toMatchObject({ code: 305, data: 'serviceId' });
		expect(
			(await call('GetInformation', { fields: { account: account.number } })).body.error
		).toMatchObject({ code: 411, data: 'serviceId' });
	});

	it("a wrong amount (zero, negative, below 1,000 so'm, fractional, a string, 1e309) is 413 and writes nothing", async () => {
		const before = counts();
		for (const amount of [0, -5_000_000, 99_999, 5_000_000.5, '5000000', 100_000_000_01]) {
			const a = await perform(9_000_001, amount as number);
			expect(a.status).toBe(200);
			expect(a.body.error).toMatchObject({ code: 413, data: 'amount' });
		}
		const huge = await post(
			`{"jsonrpc":"2.0","id":3,"method":"PerformTransaction","params":{"serviceId":${SERVICE},"transactionId":9000002,"amount":1e309,"fields":{"account":"${account.number}"}}}`
		);
		expect(huge.body.error?.code).toBe(413);
		expect(
			(await perform(9_000_003, 5_000_000, { fields: { account: '99999999' } })).body.error?.code
		).toBe(302);
		expect(
			(await perform(9_000_004, 5_000_000, { transactionTime: '2026-13-01 00:00:00' })).body.error
		).toMatchObject({ code: 414, data: 'transactionTime' });
		// Paynet's time more than 12 hours back: refused, as every operator's stale create is.
		expect(
			(
				await perform(9_000_005, 5_000_000, {
					transactionTime: tashkent(Date.now() - 13 * 3_600_000)
				})
			).body.error
		).toMatchObject({ code: 414, data: 'transactionTime' });
		expect(
			(await perform(9_000_006, 5_000_000, { transactionId: 'abc' })).body.error
		).toMatchObject({ code: 411, data: 'transactionId' });
		expect(counts()).toEqual(before);
	});

	it('PerformTransaction credits once; its repeat answers 201; Check says 1 with the same providerTrnId', async () => {
		const a = await perform(7_000_001, 5_000_000);
		expect(a.status).toBe(200);
		expect(a.body.error).toBeUndefined();
		const row = db.$client
			.prepare(
				"select id, performed_at_ms as at from payment_transactions where operator = 'paynet' and operator_tx_id = '7000001'"
			)
			.get() as { id: number; at: number };
		expect(a.body.result).toEqual({
			providerTrnId: row.id,
			timestamp: tashkent(row.at),
			fields: { account: account.number }
		});
		const again = await perform(7_000_001, 5_000_000);
		expect(again.body.error).toMatchObject({ code: 201, data: 'transactionId' });
		expect(again.body.result).toBeUndefined();
		expect(ledgerOf()).toEqual([{ kind: 'payment', amount: 5_000_000, ref: 'paynet:7000001' }]);
		const check = await call('CheckTransaction', {
			serviceId: SERVICE,
			transactionId: 7_000_001,
			transactionTime: tashkent(Date.now())
		});
		expect(check.body.result).toEqual({
			transactionState: 1,
			timestamp: tashkent(row.at),
			providerTrnId: row.id
		});
		const none = await call('CheckTransaction', { serviceId: SERVICE, transactionId: 7_999_999 });
		expect(none.body.result?.transactionState).toBe(3);
		expect(none.body.result?.providerTrnId).toBe(0);
		expect(none.body.result?.timestamp).toMatch(TIME);
	});

	it('20 concurrent PerformTransactions of one id over two processes: one success, 19 × 201, one credit', async () => {
		const answers = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				call(
					'PerformTransaction',
					{
						serviceId: SERVICE,
						transactionId: 7_000_002,
						amount: 2_000_000,
						fields: { account: account.number }
					},
					i % 2
				)
			)
		);
		expect(answers.filter((a) => a.body.result).length).toBe(1);
		expect(answers.filter((a) => a.body.error?.code === 201).length).toBe(19);
		expect(ledgerOf().filter((e) => (e as { ref: string }).ref === 'paynet:7000002')).toEqual([
			{ kind: 'payment', amount: 2_000_000, ref: 'paynet:7000002' }
		]);
		expect(verifyLedger(db).mismatches).toEqual([]);
	});

	it('CancelTransaction after perform refunds (state 2); its repeat is 202; an unknown one 203', async () => {
		await perform(7_000_003, 3_000_000);
		const c = await call('CancelTransaction', {
			serviceId: SERVICE,
			transactionId: 7_000_003,
			transactionTime: tashkent(Date.now())
		});
		const row = db.$client
			.prepare(
				"select id, cancelled_at_ms as at, state from payment_transactions where operator_tx_id = '7000003'"
			)
			.get() as { id: number; at: number; state: number };
		expect(c.body.result).toEqual({
			providerTrnId: row.id,
			timestamp: tashkent(row.at),
			transactionState: 2
		});
		expect(row.state).toBe(-2);
		expect(
			ledgerOf().filter((e) => String((e as { ref: string }).ref).startsWith('paynet:7000003'))
		).toEqual([
			{ kind: 'payment', amount: 3_000_000, ref: 'paynet:7000003' },
			{ kind: 'refund', amount: -3_000_000, ref: 'paynet:7000003:refund' }
		]);
		const again = await Promise.all(
			[0, 1].map((s) =>
				call('CancelTransaction', { serviceId: SERVICE, transactionId: 7_000_003 }, s)
			)
		);
		for (const a of again) expect(a.body.error).toMatchObject({ code: 202, data: 'transactionId' });
		expect(
			(await call('CheckTransaction', { serviceId: SERVICE, transactionId: 7_000_003 })).body.result
				?.transactionState
		).toBe(2);
		// Cancel before perform: Paynet pays in one step, so there is nothing to cancel yet.
		expect(
			(await call('CancelTransaction', { serviceId: SERVICE, transactionId: 7_000_404 })).body.error
		).toMatchObject({ code: 203, data: 'transactionId' });
		// The cancelled id cannot be paid again.
		expect((await perform(7_000_003, 3_000_000)).body.error?.code).toBe(201);
		expect(verifyLedger(db).mismatches).toEqual([]);
	});

	it("GetStatement lists the period's performed transactions in Tashkent time, not the cancelled", async () => {
		const from = tashkent(Date.now() - 3_600_000);
		const to = tashkent(Date.now() + 3_600_000);
		const s = await call('GetStatement', { serviceId: SERVICE, dateFrom: from, dateTo: to });
		const rows = db.$client
			.prepare(
				"select id, operator_tx_id as tid, amount_tiyin as amount, operator_time_ms as at from payment_transactions where operator = 'paynet' and state = 2 order by operator_time_ms, id"
			)
			.all() as Array<{ id: number; tid: string; amount: number; at: number }>;
		expect(rows.map((r) => r.tid)).toEqual(['7000001', '7000002']);
		expect(s.body.result).toEqual({
			statements: rows.map((r) => ({
				amount: r.amount,
				providerTrnId: r.id,
				transactionId: Number(r.tid),
				timestamp: tashkent(r.at)
			}))
		});
		const empty = await call('GetStatement', {
			serviceId: SERVICE,
			dateFrom: '2020-01-01 00:00:00',
			dateTo: '2020-01-02 00:00:00'
		});
		expect(empty.body.result).toEqual({ statements: [] });
		expect(
			(await call('GetStatement', { serviceId: SERVICE, dateFrom: to, dateTo: from })).body.error
		).toMatchObject({ code: 414, data: 'dateTo' });
		expect(
			(await call('GetStatement', { serviceId: SERVICE, dateFrom: '2026-11-01', dateTo: to })).body
				.error
		).toMatchObject({ code: 414, data: 'dateFrom' });
		expect(
			(await call('GetStatement', { serviceId: SERVICE, dateTo: to })).body.error
		).toMatchObject({ code: 411, data: 'dateFrom' });
	});

	it('junk, wrong content type, a non-object, unknown method, a 2 MB body: JSON-RPC errors, HTTP 200, nothing written', async () => {
		const before = counts();
		expect((await post('{"jsonrpc":')).body.error?.code).toBe(-32700);
		expect((await post('[1,2]')).body.error?.code).toBe(-32600);
		expect(
			(await post('{"jsonrpc":"2.0","id":1,"method":"PerformTransaction"}')).body.error
		).toMatchObject({ code: -32600, data: 'params' });
		expect(
			(await post(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'Nope', params: {} }))).body.error
				?.code
		).toBe(-32601);
		expect(
			(await post(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'toString', params: {} }))).body
				.error?.code
		).toBe(-32601);
		// (Form and text/plain POSTs never reach the adapter: SvelteKit's CSRF guard answers them 403.)
		const form = await post('{"jsonrpc":"2.0","id":1,"method":"GetInformation","params":{}}', {
			type: 'application/xml'
		});
		expect(form.status).toBe(200);
		expect(form.body.error).toMatchObject({ code: -32600, data: 'content-type' });
		const huge = JSON.stringify({
			jsonrpc: '2.0',
			id: 9,
			method: 'PerformTransaction',
			params: { pad: 'x'.repeat(2 * 1024 * 1024) }
		});
		for (const server of [0, 1]) {
			const a = await post(huge, { server });
			expect(a.status).toBe(200);
			expect(a.body.error).toMatchObject({ code: -32600, data: 'body' });
		}
		expect(counts()).toEqual(before);
		for (const s of servers) expect(s.running).toBe(true);
	});

	it('ChangePassword: a weak one refused (411); a good one replaces the password in both processes', async () => {
		expect(
			(await call('ChangePassword', { serviceId: SERVICE, password: 'short' })).body.error
		).toMatchObject({ code: 411, data: 'password' });
		expect((await call('ChangePassword', { serviceId: SERVICE })).body.error?.code).toBe(411);
		const NEW = 'paynet-new-pass-77x1';
		const changed = await call('ChangePassword', { serviceId: SERVICE, password: NEW });
		expect(changed.body.result).toEqual({ result: 'success' });
		const stored = db.$client
			.prepare("select key_sha256 from payment_operator_keys where operator = 'paynet'")
			.pluck()
			.get() as string;
		expect(stored).toBe(createHash('sha256').update(NEW).digest('hex'));
		for (const server of [0, 1]) {
			const old = await post(
				JSON.stringify({
					jsonrpc: '2.0',
					id: 1,
					method: 'GetInformation',
					params: { serviceId: SERVICE, fields: { account: account.number } }
				}),
				{ server }
			);
			expect(old.status).toBe(401);
		}
		auth = basic(LOGIN, NEW);
		for (const server of [0, 1])
			expect(
				(
					await call(
						'GetInformation',
						{ serviceId: SERVICE, fields: { account: account.number } },
						server
					)
				).body.result?.status
			).toBe('0');
	});
});
