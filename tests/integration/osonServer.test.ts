import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/lib/server/db';
import { verifyLedger } from '../../src/lib/server/services/ledger';
import { openOrder, findOrder } from '../../src/lib/server/services/payments/orders';
import { osonCheckoutUrl, type OsonEnv } from '../../src/lib/server/services/payments/oson';
import { tempDb } from './helpers/testDb';
import { anAccount } from './helpers/builders';
import { startBuiltServer } from './helpers/builtServer';

// OSON played from both sides: a local HTTP server in this test speaks OSON's invoice API
// (create, status) to Tok, and the test sends OSON's webhook to the built server over HTTP with
// signatures computed here, independently of Tok's code.

const MERCHANT = 'oson-merchant-31';
const TOKEN = 'oson-token-server-5a9';
let servers: Array<Awaited<ReturnType<typeof startBuiltServer>>> = [];
let cleanup: () => void;
let dir: string;
let db: Db;
let account: { id: number; number: string };

// The stand-in for OSON's API: what Tok sent it, and what it answers for a status.
const oson = {
	server: undefined as Server | undefined,
	base: '',
	creates: [] as Array<{
		path: string;
		token: string | undefined;
		type: string | undefined;
		body: string;
	}>,
	statuses: new Map<string, Record<string, unknown>>()
};

beforeAll(async () => {
	oson.server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const body = Buffer.concat(chunks).toString('utf8');
			const send = (status: number, answer: unknown) => {
				res.writeHead(status, { 'content-type': 'application/json' });
				res.end(JSON.stringify(answer));
			};
			if (req.headers.token !== TOKEN) return send(401, { error: 'token' });
			const parsed = JSON.parse(body) as Record<string, string>;
			if (req.url === '/api/invoice/create/') {
				oson.creates.push({
					path: req.url,
					token: req.headers.token as string,
					type: req.headers['content-type'],
					body
				});
				// Slow enough that concurrent checkouts overlap.
				setTimeout(
					() =>
						send(200, {
							transaction_id: parsed.transaction_id,
							pay_url: `https://checkout.oson.test/pay/${oson.creates.length}`
						}),
					50
				);
			} else if (req.url === '/api/invoice/status/') {
				send(200, {
					transaction_id: parsed.transaction_id,
					...(oson.statuses.get(parsed.transaction_id) ?? { status: 'REGISTRED' })
				});
			} else send(404, {});
		});
	});
	oson.server.listen(0, '127.0.0.1');
	await once(oson.server, 'listening');
	oson.base = `http://127.0.0.1:${(oson.server.address() as { port: number }).port}`;

	const t = tempDb();
	cleanup = t.cleanup;
	dir = t.dir;
	account = anAccount(t.db);
	t.db.$client.close();
	const env = { OSON_BASE_URL: oson.base, OSON_MERCHANT_ID: MERCHANT, OSON_TOKEN: TOKEN };
	servers = await Promise.all([
		startBuiltServer(t.dir, env),
		startBuiltServer(t.dir, { ...env, BODY_SIZE_LIMIT: '512K' })
	]);
	db = openDatabase(join(t.dir, 'tok.sqlite'));
}, 90_000);
afterAll(async () => {
	await Promise.all(servers.map((s) => s.stop()));
	oson.server?.close();
	db?.$client.close();
	cleanup?.();
});

const env = (nowMs?: number): OsonEnv => ({
	baseUrl: oson.base,
	merchantId: MERCHANT,
	token: TOKEN,
	nowMs: nowMs ? () => nowMs : undefined
});
const ORIGIN = 'https://tok.example.uz';
function anOrder(amountTiyin = 5_000_000) {
	return openOrder(db, {
		intentId: randomUUID(),
		accountId: account.id,
		operator: 'oson',
		amountTiyin,
		nowMs: Date.now()
	});
}
const checkout = (order: ReturnType<typeof anOrder>, nowMs?: number) =>
	osonCheckoutUrl(
		db,
		{
			order,
			accountNumber: account.number,
			returnUrl: `${ORIGIN}/payments/${order.id}`,
			origin: ORIGIN,
			locale: 'ru'
		},
		env(nowMs)
	);

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const sign = (transactionId: string, billId: string, status: string, token = TOKEN) =>
	sha256(`${sha256(`${token}:${MERCHANT}`)}:${transactionId}:${billId}:${status}`);

async function notify(body: unknown, init: { server?: number; type?: string; raw?: string } = {}) {
	const response = await fetch(`${servers[init.server ?? 0].baseURL}/api/payments/oson/notify`, {
		method: 'POST',
		headers: { 'content-type': init.type ?? 'application/json' },
		body: init.raw ?? JSON.stringify(body)
	});
	return {
		status: response.status,
		body: (await response.json()) as { status: string; message?: string }
	};
}
const webhook = (transactionId: string, billId: string, status: string, server = 0) =>
	notify(
		{
			transaction_id: transactionId,
			bill_id: billId,
			status,
			signature: sign(transactionId, billId, status)
		},
		{ server }
	);

const counts = () => ({
	tx: db.$client.prepare('select count(*) from payment_transactions').pluck().get(),
	ledger: db.$client.prepare('select count(*) from ledger_entries').pluck().get()
});
const entries = (billId: string) =>
	db.$client
		.prepare('select kind, amount_tiyin as amount from ledger_entries where source_ref = ?')
		.all(`oson:${billId}`);
const invoice = (orderId: string) =>
	db.$client
		.prepare(
			'select status, bill_id as billId, pay_url as payUrl from oson_invoices where order_id = ?'
		)
		.get(orderId);

describe('OSON on the running server', () => {
	it("the checkout creates one invoice with OSON's fields, and a second checkout reuses it", async () => {
		const order = anOrder(5_000_050);
		const before = oson.creates.length;
		const url = await checkout(order);
		expect(oson.creates.length).toBe(before + 1);
		const sent = oson.creates.at(-1)!;
		expect(sent.path).toBe('/api/invoice/create/');
		expect(sent.token).toBe(TOKEN);
		expect(sent.type).toBe('application/json');
		expect(JSON.parse(sent.body)).toEqual({
			merchant_id: MERCHANT,
			transaction_id: order.id,
			user_account: account.number,
			amount: 50000.5,
			currency: 'UZS',
			return_url: `${ORIGIN}/payments/${order.id}`,
			notify_url: `${ORIGIN}/api/payments/oson/notify`,
			lang: 'ru'
		});
		// So'm with 2 decimals exactly as written, never through a float.
		expect(sent.body).toContain('"amount":50000.50');
		expect(url).toBe(`https://checkout.oson.test/pay/${before + 1}`);
		expect(invoice(order.id)).toEqual({ status: 'REGISTRED', billId: null, payUrl: url });
		expect(await checkout(order)).toBe(url);
		expect(oson.creates.length).toBe(before + 1);
	});

	it('20 concurrent checkouts of one order make one invoice; an order id over 36 characters is refused', async () => {
		const order = anOrder();
		const before = oson.creates.length;
		const urls = await Promise.all(Array.from({ length: 20 }, () => checkout(order)));
		expect(new Set(urls).size).toBe(1);
		expect(oson.creates.length).toBe(before + 1);
		const long = openOrder(db, {
			intentId: 'x'.repeat(37),
			accountId: account.id,
			operator: 'oson',
			amountTiyin: 5_000_000,
			nowMs: Date.now()
		});
		await expect(checkout(long)).rejects.toThrow(/36/);
		expect(oson.creates.length).toBe(before + 1);
	});

	it('a webhook with a wrong signature is refused (403) and writes nothing', async () => {
		const order = anOrder();
		await checkout(order);
		const before = counts();
		const forged = [
			{
				transaction_id: order.id,
				bill_id: 'B-1',
				status: 'PAID',
				signature: sign(order.id, 'B-1', 'PAID', 'not-the-token')
			},
			{
				transaction_id: order.id,
				bill_id: 'B-1',
				status: 'PAID',
				signature: sign(order.id, 'B-1', 'DECLINED')
			},
			{
				transaction_id: order.id,
				bill_id: 'B-2',
				status: 'PAID',
				signature: sign(order.id, 'B-1', 'PAID')
			},
			{ transaction_id: order.id, bill_id: 'B-1', status: 'PAID' },
			{ transaction_id: order.id, bill_id: 'B-1', status: 'PAID', signature: 'zz' }
		];
		for (const body of forged) {
			const a = await notify(body);
			expect(a.status).toBe(403);
			expect(a.body.status).toBe('ERROR');
		}
		expect(counts()).toEqual(before);
		expect(findOrder(db, order.id)?.status).toBe('open');
	});

	it('PAID credits the order once; 20 concurrent repeats over two processes answer the same', async () => {
		const order = anOrder(7_000_000);
		await checkout(order);
		const first = await webhook(order.id, 'B-100', 'PAID');
		expect(first).toEqual({ status: 200, body: { status: 'OK' } });
		const repeats = await Promise.all(
			Array.from({ length: 20 }, (_, i) => webhook(order.id, 'B-100', 'PAID', i % 2))
		);
		for (const r of repeats) expect(r).toEqual(first);
		expect(entries('B-100')).toEqual([{ kind: 'payment', amount: 7_000_000 }]);
		expect(findOrder(db, order.id)?.status).toBe('paid');
		expect(invoice(order.id)).toMatchObject({ status: 'PAID', billId: 'B-100' });
		// Another bill for the paid order cannot be taken: refused, nothing written.
		const before = counts();
		const other = await webhook(order.id, 'B-101', 'PAID');
		expect(other.status).toBe(409);
		expect(other.body.status).toBe('ERROR');
		expect(counts()).toEqual(before);
		// A late DECLINED does not undo the payment.
		expect((await webhook(order.id, 'B-100', 'DECLINED')).status).toBe(200);
		expect(invoice(order.id)).toMatchObject({ status: 'PAID', billId: 'B-100' });
		expect(verifyLedger(db).mismatches).toEqual([]);
	});

	it('DECLINED and EXPIRED close the invoice with nothing credited; its checkout then says so', async () => {
		for (const status of ['DECLINED', 'EXPIRED', 'PAY_ERROR']) {
			const order = anOrder();
			await checkout(order);
			const before = counts();
			expect(await webhook(order.id, `B-${status}`, status)).toEqual({
				status: 200,
				body: { status: 'OK' }
			});
			expect(await webhook(order.id, `B-${status}`, status)).toEqual({
				status: 200,
				body: { status: 'OK' }
			});
			expect(counts()).toEqual(before);
			expect(invoice(order.id)).toMatchObject({ status });
			await expect(checkout(order)).rejects.toThrow(status);
		}
		// REGISTRED changes nothing.
		const order = anOrder();
		await checkout(order);
		expect((await webhook(order.id, 'B-R', 'REGISTRED')).status).toBe(200);
		expect(invoice(order.id)).toMatchObject({ status: 'REGISTRED' });
	});

	it('bad input never 500 and writes nothing: junk, another type, 2 MB, unknown status or transaction', async () => {
		const before = counts();
		const order = anOrder();
		await checkout(order);
		expect((await notify(null, { raw: '{"transaction_id":' })).status).toBe(400);
		expect((await notify(null, { raw: '[1]' })).status).toBe(400);
		expect((await notify(null, { raw: '<bill/>', type: 'application/xml' })).status).toBe(400);
		const huge = JSON.stringify({
			transaction_id: order.id,
			bill_id: 'B',
			status: 'PAID',
			pad: 'x'.repeat(2 * 1024 * 1024)
		});
		for (const server of [0, 1])
			expect((await notify(null, { raw: huge, server })).status).toBe(400);
		expect(
			(
				await notify({
					transaction_id: order.id,
					bill_id: 'B-9',
					status: 'REFUNDED',
					signature: sign(order.id, 'B-9', 'REFUNDED')
				})
			).status
		).toBe(400);
		expect(
			(
				await notify({
					transaction_id: 'y'.repeat(37),
					bill_id: 'B-9',
					status: 'PAID',
					signature: sign('y'.repeat(37), 'B-9', 'PAID')
				})
			).status
		).toBe(400);
		expect(
			(
				await notify({
					transaction_id: order.id,
					bill_id: 'B 9;',
					status: 'PAID',
					signature: sign(order.id, 'B 9;', 'PAID')
				})
			).status
		).toBe(400);
		const unknown = await webhook('no-such-order', 'B-9', 'PAID');
		expect(unknown.status).toBe(404);
		expect(unknown.body.status).toBe('ERROR');
		expect(counts().tx).toBe(before.tx);
		expect(counts().ledger).toBe(before.ledger);
		for (const s of servers) expect(s.running).toBe(true);
	});

	it('a late webhook: `npm run payments:oson-poll` applies PAID once, and the webhook after it credits nothing', async () => {
		const order = anOrder(4_000_000);
		await checkout(order);
		oson.statuses.set(order.id, { status: 'PAID', bill_id: 'B-77' });
		// Asynchronously: OSON's stand-in answers from this very process.
		const run = () =>
			promisify(execFile)(
				process.execPath,
				[
					'--import',
					'tsx',
					'src/lib/server/cli/osonPoll.ts',
					'--older-than-minutes',
					'0',
					'--json'
				],
				{
					env: {
						...process.env,
						DATA_DIR: dir,
						OSON_BASE_URL: oson.base,
						OSON_MERCHANT_ID: MERCHANT,
						OSON_TOKEN: TOKEN
					},
					encoding: 'utf8'
				}
			);
		const first = await run();
		const results = JSON.parse(first.stdout) as Array<{
			orderId: string;
			status: string;
			credited: boolean;
		}>;
		expect(results.find((r) => r.orderId === order.id)).toEqual({
			orderId: order.id,
			status: 'PAID',
			credited: true
		});
		expect(entries('B-77')).toEqual([{ kind: 'payment', amount: 4_000_000 }]);
		expect(await webhook(order.id, 'B-77', 'PAID')).toEqual({
			status: 200,
			body: { status: 'OK' }
		});
		expect(entries('B-77')).toEqual([{ kind: 'payment', amount: 4_000_000 }]);
		const second = JSON.parse((await run()).stdout) as Array<{ orderId: string }>;
		expect(second.find((r) => r.orderId === order.id)).toBeUndefined();
		expect(verifyLedger(db).mismatches).toEqual([]);
	});

	it('a checkout of an invoice open for minutes asks OSON first and applies a PAID once', async () => {
		const order = anOrder(3_000_000);
		const url = await checkout(order);
		oson.statuses.set(order.id, { status: 'PAID' });
		// Without OSON's bill the poll cannot tell this payment from the webhook's: it waits.
		expect(await checkout(order, Date.now() + 3 * 60_000)).toBe(url);
		expect(findOrder(db, order.id)?.status).toBe('open');
		oson.statuses.set(order.id, { status: 'PAID', bill_id: 88 });
		expect(await checkout(order, Date.now() + 6 * 60_000)).toBe(url);
		expect(entries('88')).toEqual([{ kind: 'payment', amount: 3_000_000 }]);
		expect(findOrder(db, order.id)?.status).toBe('paid');
		expect(await webhook(order.id, '88', 'PAID')).toEqual({ status: 200, body: { status: 'OK' } });
		expect(entries('88')).toEqual([{ kind: 'payment', amount: 3_000_000 }]);
	});

	it('the OSON stand-in is not mounted outside the demo', async () => {
		const r = await fetch(`${servers[0].baseURL}/sandbox/oson/api/invoice/create/`, {
			method: 'POST',
			body: '{}',
			headers: { 'content-type': 'application/json' }
		});
		expect(r.status).toBe(404);
	});
});
