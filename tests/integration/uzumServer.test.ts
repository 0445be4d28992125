import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/lib/server/db';
import { verifyLedger } from '../../src/lib/server/services/ledger';
import { tempDb } from './helpers/testDb';
import { anAccount } from './helpers/builders';
import { startBuiltServer } from './helpers/builtServer';

// Uzum Bank's merchant webhooks played as Uzum plays them, over HTTP against the built server
// (two processes on one SQLite file): check → create → confirm, reverse, status, with each
// answer's fields and each refusal's errorCode asserted.

const SERVICE = 101726;
const LOGIN = 'uzum-test';
const PASSWORD = 'uzum-server-pass-8e2';
let servers: Array<Awaited<ReturnType<typeof startBuiltServer>>> = [];
let cleanup: () => void;
let db: Db;
let account: { id: number; number: string };

beforeAll(async () => {
	const t = tempDb();
	cleanup = t.cleanup;
	account = anAccount(t.db);
	t.db.$client.close();
	const env = { UZUM_SERVICE_ID: String(SERVICE), UZUM_LOGIN: LOGIN, UZUM_PASSWORD: PASSWORD };
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

const AUTH = `Basic ${Buffer.from(`${LOGIN}:${PASSWORD}`).toString('base64')}`;

async function raw(
	operation: string,
	body: string,
	init: { server?: number; authorization?: string | null; type?: string } = {}
) {
	const headers: Record<string, string> = { 'content-type': init.type ?? 'application/json' };
	const authorization = init.authorization === undefined ? AUTH : init.authorization;
	if (authorization !== null) headers.authorization = authorization;
	const response = await fetch(
		`${servers[init.server ?? 0].baseURL}/api/payments/uzum/${operation}`,
		{ method: 'POST', headers, body }
	);
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
const uzum = (operation: string, body: Record<string, unknown>, server = 0) =>
	raw(operation, JSON.stringify({ serviceId: SERVICE, timestamp: Date.now(), ...body }), {
		server
	});

const counts = () => ({
	tx: db.$client.prepare('select count(*) from payment_transactions').pluck().get(),
	ledger: db.$client.prepare('select count(*) from ledger_entries').pluck().get()
});
const row = (transId: string) =>
	db.$client
		.prepare(
			`select state, created_at_ms as created, performed_at_ms as performed, cancelled_at_ms as cancelled
			 from payment_transactions where operator = 'uzum' and operator_tx_id = ?`
		)
		.get(transId) as { state: number; created: number; performed: number; cancelled: number };
const entries = (transId: string) =>
	db.$client
		.prepare(
			'select kind, amount_tiyin as amount from ledger_entries where source_ref like ? order by id'
		)
		.all(`uzum:${transId}%`);
const params = () => ({ account: account.number });
const failed = (errorCode: string) => ({
	status: 400,
	body: expect.objectContaining({ status: 'FAILED', errorCode, timestamp: expect.any(Number) })
});

describe('Uzum Bank on the running server', () => {
	it('wrong or missing Basic credentials: 10001, nothing written', async () => {
		const before = counts();
		const body = JSON.stringify({
			serviceId: SERVICE,
			timestamp: Date.now(),
			transId: 'a1',
			params: params(),
			amount: 5_000_000
		});
		for (const authorization of [
			null,
			`Basic ${Buffer.from(`${LOGIN}:wrong`).toString('base64')}`,
			'Bearer x'
		]) {
			const a = await raw('create', body, { authorization });
			expect(a).toEqual(failed('10001'));
			expect(a.body.serviceId).toBe(SERVICE);
			expect(a.body.transId).toBe('a1');
		}
		expect(counts()).toEqual(before);
	});

	it('check: a known account is OK with its data; unknown 10007; no params 10005; another service 10006', async () => {
		const before = Date.now();
		const ok = await uzum('check', { params: params() });
		expect(ok.status).toBe(200);
		expect(ok.body).toEqual({
			serviceId: SERVICE,
			timestamp: expect.any(Number),
			status: 'OK',
			data: { account: { value: account.number } }
		});
		expect(ok.body.timestamp as number).toBeGreaterThanOrEqual(before);
		expect(await uzum('check', { params: { account: '77' } })).toEqual(failed('10007'));
		expect(await uzum('check', {})).toEqual(failed('10005'));
		expect(await uzum('check', { serviceId: 5, params: params() })).toEqual(failed('10006'));
		expect(await raw('check', JSON.stringify({ params: params() }))).toEqual(failed('10005'));
		expect(await uzum('refund', { params: params() })).toEqual(failed('10003'));
	});

	it('create: a wrong amount (zero, negative, below minimum, fractional, a string, 1e309) or account writes nothing', async () => {
		const before = counts();
		for (const amount of [0, -5_000_000, 99_999, 5_000_000.5, '5000000', 100_000_000_01])
			expect(await uzum('create', { transId: 'bad-amount', params: params(), amount })).toEqual(
				failed('10007')
			);
		expect(
			await raw(
				'create',
				`{"serviceId":${SERVICE},"timestamp":1,"transId":"x","params":{"account":"${account.number}"},"amount":1e309}`
			)
		).toEqual(failed('10007'));
		expect(await uzum('create', { transId: 'no-amount', params: params() })).toEqual(
			failed('10005')
		);
		expect(
			await uzum('create', {
				transId: 'no-account',
				params: { account: '99999999' },
				amount: 5_000_000
			})
		).toEqual(failed('10007'));
		expect(await uzum('create', { params: params(), amount: 5_000_000 })).toEqual(failed('10005'));
		// Uzum's own time more than 12 hours back: the create is refused.
		expect(
			await uzum('create', {
				timestamp: Date.now() - 13 * 3_600_000,
				transId: 'stale',
				params: params(),
				amount: 5_000_000
			})
		).toEqual(failed('99999'));
		expect(counts()).toEqual(before);
	});

	it('20 concurrent creates of one transId over two processes: one transaction, 20 identical CREATED answers', async () => {
		const answers = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				uzum('create', { transId: 'tr-1', params: params(), amount: 5_000_000 }, i % 2)
			)
		);
		const r = row('tr-1');
		for (const a of answers) {
			expect(a.status).toBe(200);
			expect(a.body).toEqual({
				serviceId: SERVICE,
				transId: 'tr-1',
				status: 'CREATED',
				transTime: r.created,
				data: { account: { value: account.number } },
				amount: 5_000_000
			});
		}
		expect(r.state).toBe(1);
		expect(entries('tr-1')).toEqual([]);
		// The same transId with another amount is not the same payment.
		expect(await uzum('create', { transId: 'tr-1', params: params(), amount: 6_000_000 })).toEqual(
			failed('10008')
		);
	});

	it('20 concurrent confirms credit once and answer the same CONFIRMED; status says CONFIRMED', async () => {
		const answers = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				uzum(
					'confirm',
					{
						transId: 'tr-1',
						paymentSource: 'UZCARD',
						phone: '998901112233',
						processingReferenceNumber: '1'
					},
					i % 2
				)
			)
		);
		const r = row('tr-1');
		for (const a of answers)
			expect(a).toEqual({
				status: 200,
				body: {
					serviceId: SERVICE,
					transId: 'tr-1',
					status: 'CONFIRMED',
					confirmTime: r.performed,
					data: { account: { value: account.number } },
					amount: 5_000_000
				}
			});
		expect(entries('tr-1')).toEqual([{ kind: 'payment', amount: 5_000_000 }]);
		expect((await uzum('status', { transId: 'tr-1' })).body).toEqual({
			serviceId: SERVICE,
			transId: 'tr-1',
			status: 'CONFIRMED',
			transTime: r.created,
			confirmTime: r.performed,
			reverseTime: null,
			data: { account: { value: account.number } },
			amount: 5_000_000
		});
		// A create repeated after the confirm: the payment is already processed.
		expect(await uzum('create', { transId: 'tr-1', params: params(), amount: 5_000_000 })).toEqual(
			failed('10008')
		);
		expect(verifyLedger(db).mismatches).toEqual([]);
	});

	it('reverse before confirm: REVERSED, nothing credited, a later confirm is 10009 (payment cancelled)', async () => {
		await uzum('create', { transId: 'tr-2', params: params(), amount: 2_000_000 });
		const rev = await uzum('reverse', { transId: 'tr-2' });
		const r = row('tr-2');
		expect(rev).toEqual({
			status: 200,
			body: {
				serviceId: SERVICE,
				transId: 'tr-2',
				status: 'REVERSED',
				reverseTime: r.cancelled,
				data: { account: { value: account.number } },
				amount: 2_000_000
			}
		});
		expect(r.state).toBe(-1);
		expect(await uzum('confirm', { transId: 'tr-2' })).toEqual(failed('10009'));
		expect(entries('tr-2')).toEqual([]);
		expect((await uzum('status', { transId: 'tr-2' })).body).toMatchObject({
			status: 'REVERSED',
			confirmTime: null,
			reverseTime: r.cancelled
		});
	});

	it('reverse after confirm refunds once; repeats answer the same reverseTime', async () => {
		await uzum('create', { transId: 'tr-3', params: params(), amount: 3_000_000 });
		await uzum('confirm', { transId: 'tr-3' });
		const answers = await Promise.all(
			Array.from({ length: 6 }, (_, i) => uzum('reverse', { transId: 'tr-3' }, i % 2))
		);
		const r = row('tr-3');
		expect(r.state).toBe(-2);
		for (const a of answers)
			expect(a).toEqual({
				status: 200,
				body: {
					serviceId: SERVICE,
					transId: 'tr-3',
					status: 'REVERSED',
					reverseTime: r.cancelled,
					data: { account: { value: account.number } },
					amount: 3_000_000
				}
			});
		expect(entries('tr-3')).toEqual([
			{ kind: 'payment', amount: 3_000_000 },
			{ kind: 'refund', amount: -3_000_000 }
		]);
		expect((await uzum('status', { transId: 'tr-3' })).body).toMatchObject({
			status: 'REVERSED',
			confirmTime: r.performed,
			reverseTime: r.cancelled
		});
		expect(verifyLedger(db).mismatches).toEqual([]);
	});

	it('confirm, reverse or status of an unknown transId: 10007', async () => {
		for (const op of ['confirm', 'reverse', 'status']) {
			const a = await uzum(op, { transId: 'never-created' });
			expect(a).toEqual(failed('10007'));
			expect(a.body.transId).toBe('never-created');
		}
		expect(await uzum('status', {})).toEqual(failed('10005'));
	});

	it('junk, a non-object, another content type, a 2 MB body: 10002 with HTTP 400 from either process, nothing written', async () => {
		const before = counts();
		expect(await raw('create', '{"serviceId":')).toEqual(failed('10002'));
		expect(await raw('create', '[1]')).toEqual(failed('10002'));
		expect(await raw('create', '<xml/>', { type: 'application/xml' })).toEqual(failed('10002'));
		const huge = JSON.stringify({
			serviceId: SERVICE,
			transId: 'big',
			params: params(),
			amount: 5_000_000,
			pad: 'x'.repeat(2 * 1024 * 1024)
		});
		for (const server of [0, 1])
			expect(await raw('create', huge, { server })).toEqual(failed('10002'));
		expect(counts()).toEqual(before);
		for (const s of servers) expect(s.running).toBe(true);
	});
});
