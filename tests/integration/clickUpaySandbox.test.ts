import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/lib/server/db';
import { openOrder, type PaymentOrder } from '../../src/lib/server/services/payments/orders';
import { OPERATOR_ADAPTERS } from '../../src/lib/server/services/payments/operators';
import { verifyLedger } from '../../src/lib/server/services/ledger';
import { tempDb } from './helpers/testDb';
import { anAccount } from './helpers/builders';
import { startBuiltServer } from './helpers/builtServer';

// The demo's Click and UPay sandboxes on the built server with TOK_DEMO=1: the checkout link the
// registry makes for an order, opened and played as the sandbox page's buttons do, so that
// Click's and UPay's calls reach Tok's real endpoints over HTTP and the order is paid once.

let server: Awaited<ReturnType<typeof startBuiltServer>>;
let cleanup: () => void;
let db: Db;
let account: { id: number; number: string };

beforeAll(async () => {
	const t = tempDb();
	cleanup = t.cleanup;
	account = anAccount(t.db);
	t.db.$client.close();
	server = await startBuiltServer(t.dir, { TOK_DEMO: '1' });
	db = openDatabase(join(t.dir, 'tok.sqlite'));
}, 60_000);
afterAll(async () => {
	await server?.stop();
	db?.$client.close();
	cleanup?.();
});

/** The registry's checkout link, made as under `npm start` (the demo's keys, no checkout URL set). */
async function checkoutLink(operator: 'click' | 'upay', order: PaymentOrder): Promise<URL> {
	const demo = process.env.TOK_DEMO;
	process.env.TOK_DEMO = '1';
	try {
		const adapter = OPERATOR_ADAPTERS[operator];
		expect(adapter.configured()).toBe(true);
		return new URL(
			await adapter.checkoutUrl!({
				order,
				accountNumber: account.number,
				returnUrl: `${server.baseURL}/payments?order=${order.id}`,
				origin: server.baseURL,
				locale: 'uz'
			})
		);
	} finally {
		if (demo === undefined) delete process.env.TOK_DEMO;
		else process.env.TOK_DEMO = demo;
	}
}

const newOrder = (operator: 'click' | 'upay', amountTiyin: number) =>
	openOrder(db, {
		intentId: randomUUID(),
		accountId: account.id,
		operator,
		amountTiyin,
		nowMs: Date.now()
	});
const orderStatus = (id: string) =>
	db.$client.prepare('select status from payment_orders where id = ?').pluck().get(id);
const balance = () =>
	db.$client.prepare('select balance_tiyin from accounts where id = ?').pluck().get(account.id);

async function play(link: URL, extra: Record<string, unknown> = {}) {
	const page = await fetch(link);
	expect(page.status).toBe(200);
	const response = await fetch(`${server.baseURL}${link.pathname}/play`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ query: link.search.slice(1), ...extra })
	});
	return (await response.json()) as Record<string, unknown>;
}

describe('Click and UPay sandboxes under the demo', () => {
	it("Click's link is the payment button's, and paying it through the sandbox pays the order once", async () => {
		const order = newOrder('click', 5_000_050);
		const link = await checkoutLink('click', order);
		expect(`${link.origin}${link.pathname}`).toBe(`${server.baseURL}/sandbox/click`);
		expect(Object.fromEntries(link.searchParams)).toEqual({
			service_id: '10001',
			merchant_id: '20002',
			amount: '50000.50',
			transaction_param: `order:${order.id}`,
			return_url: `${server.baseURL}/payments?order=${order.id}`
		});
		expect(await play(link)).toEqual({ ok: true, back: `/payments?order=${order.id}` });
		expect(orderStatus(order.id)).toBe('paid');
		expect(balance()).toBe(5_000_050);
		// Pressed again (back, reload): Click's new attempt for a paid order is refused (-4).
		expect(await play(link)).toEqual({ ok: false, code: -4, note: 'Already paid' });
		expect(balance()).toBe(5_000_050);
	});

	it("Click's decline completes with Click's error: the payment is cancelled, the order stays open", async () => {
		const order = newOrder('click', 2_000_000);
		const link = await checkoutLink('click', order);
		const before = balance();
		expect(await play(link, { decline: true })).toEqual({
			ok: true,
			back: `/payments?order=${order.id}`
		});
		expect(
			db.$client
				.prepare("select state from payment_transactions where operator = 'click' and order_id = ?")
				.pluck()
				.all(order.id)
		).toEqual([-1]);
		expect(orderStatus(order.id)).toBe('open');
		expect(balance()).toBe(before);
		// The person tries again and pays.
		expect((await play(link)).ok).toBe(true);
		expect(balance()).toBe((before as number) + 2_000_000);
	});

	it("UPay's link is prePay.do's, and the sandbox's check and pay pay the order once", async () => {
		const order = newOrder('upay', 3_000_000);
		const link = await checkoutLink('upay', order);
		expect(`${link.origin}${link.pathname}`).toBe(`${server.baseURL}/sandbox/upay`);
		expect(Object.fromEntries(link.searchParams)).toEqual({
			serviceId: '30003',
			personalAccount: `${account.number}:${order.id}`,
			amount: '30000',
			apiVersion: '1'
		});
		const before = balance() as number;
		expect(await play(link)).toEqual({ ok: true, back: '/payments' });
		expect(orderStatus(order.id)).toBe('paid');
		expect(balance()).toBe(before + 3_000_000);
		expect(await play(link)).toMatchObject({ ok: false, code: 5 });
		expect(balance()).toBe(before + 3_000_000);
		expect(verifyLedger(db).mismatches).toEqual([]);
	});

	it('a broken link is refused, not played', async () => {
		for (const path of ['/sandbox/click/play', '/sandbox/upay/play']) {
			const response = await fetch(`${server.baseURL}${path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ query: 'amount=1e309' })
			});
			expect(response.status).toBe(400);
		}
	});
});
