import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import type { Db } from '../../src/lib/server/db';
import { createCaller } from '../../src/lib/server/trpc/root';
import { signIn } from '../../src/lib/server/services/auth';
import { validateSessionToken } from '../../src/lib/server/auth/session';
import { LiveHub } from '../../src/lib/server/sync/live';
import { answerPayme, paymeCallOf } from '../../src/lib/server/services/payments/payme';
import { verifyLedger } from '../../src/lib/server/services/ledger';
import { decodePaymeCheckout } from '../../src/lib/server/services/payments/paymeCheckout';
import { ORDER_EXPIRY_MS } from '../../src/lib/domain/payments/limits';
import { SYNC_PROTOCOL } from '../../src/lib/domain/sync/protocol';
import type { PaymentOrderRow } from '../../src/lib/domain/sync/tables';
import { FIXED_NOW, recordingJar, seededDb } from './helpers/testDb';
import { aDevice, uuidv7 } from './helpers/commands';

// The app's side of a payment: the intent command, the order it opens, the order synced to the
// phone with its receipt, the checkout link, and expiry — against the real router and services
// on a SQLite file, with Payme playing its part through its real adapter.

const KEY = 'payme-orders-key-3f9a';
const MERCHANT = '5f0c0de0000000000000beef';
let db: Db;
let cleanup: () => void;
let own: { id: number; number: string }; // demo2's account 1726001003
let foreign: { id: number; number: string }; // demo's 1726001001

async function callerAt(login: string, nowMs: () => number, live = new LiveHub()) {
	const { token } = await signIn(db, { login, password: 'demo12345' }, FIXED_NOW);
	const session = validateSessionToken(db, token, FIXED_NOW)!;
	return createCaller({
		db,
		user: session.user,
		session: recordingJar(token),
		now: nowMs,
		live,
		origin: 'https://tok.example'
	});
}
type Caller = Awaited<ReturnType<typeof callerAt>>;

const accountOf = (number: string) =>
	db.$client.prepare('select id, number from accounts where number = ?').get(number) as {
		id: number;
		number: string;
	};
const balance = (id: number) =>
	(
		db.$client.prepare('select balance_tiyin as b from accounts where id = ?').get(id) as {
			b: number;
		}
	).b;
const orderCount = (id: string) =>
	(
		db.$client.prepare('select count(*) as n from payment_orders where id = ?').get(id) as {
			n: number;
		}
	).n;

beforeAll(async () => {
	({ db, cleanup } = await seededDb(3));
	own = accountOf('1726001003');
	foreign = accountOf('1726001001');
});
afterAll(() => cleanup());
beforeEach(() => {
	process.env.PAYME_KEY = KEY;
	process.env.PAYME_MERCHANT_ID = MERCHANT;
	delete process.env.PAYME_CHECKOUT_URL;
	delete process.env.TOK_DEMO;
});

const intent = (accountId: number, extra: Record<string, unknown> = {}) => ({
	intentId: uuidv7(),
	accountId,
	operator: 'payme',
	amountTiyin: 5_000_000,
	...extra
});

async function push(caller: Caller, device: ReturnType<typeof aDevice>, payload: unknown) {
	const out = await caller.sync.push(device.push([device.command('payment.intent', payload)]));
	return out.results[0];
}

async function ordersOnPhone(caller: Caller): Promise<PaymentOrderRow[]> {
	const rows: PaymentOrderRow[] = [];
	let cursor: string | null = null;
	for (;;) {
		const page = await caller.sync.pull({ protocol: SYNC_PROTOCOL, cursor, limit: 500 });
		for (const c of page.changes)
			if (c.table === 'paymentOrders' && c.op === 'put') {
				const at = rows.findIndex((r) => r.id === c.row.id);
				if (at >= 0) rows.splice(at, 1);
				rows.push(c.row as unknown as PaymentOrderRow);
			}
		cursor = page.cursor;
		if (!page.more) return rows;
	}
}

function payme(nowMs: number, method: string, params: unknown) {
	const request = new Request('http://localhost/api/payments/payme', {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			authorization: `Basic ${Buffer.from(`Paycom:${KEY}`).toString('base64')}`
		},
		body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params })
	});
	return answerPayme(paymeCallOf(request), { db: () => db, key: KEY, nowMs: () => nowMs });
}

async function payWithPayme(
	order: { id: string; amountTiyin: number },
	number: string,
	nowMs: number
) {
	const id = `66${String(Math.floor(Math.random() * 1e12)).padStart(22, '0')}`;
	const account = { account: number, order: order.id };
	const check = await payme(nowMs, 'CheckPerformTransaction', {
		amount: order.amountTiyin,
		account
	});
	const created = await payme(nowMs, 'CreateTransaction', {
		id,
		time: nowMs,
		amount: order.amountTiyin,
		account
	});
	const performed = await payme(nowMs, 'PerformTransaction', { id });
	return { id, check, created, performed };
}

describe('payment.intent', () => {
	it('opens one order per intent: the same intent twice, from two devices, is one order', async () => {
		const caller = await callerAt('demo2', () => FIXED_NOW);
		const payload = intent(own.id);
		const first = await push(caller, aDevice(), payload);
		const again = await push(caller, aDevice(), { ...payload, amountTiyin: 9_000_000 });
		expect(first).toMatchObject({
			status: 'applied',
			result: { orderId: payload.intentId, status: 'open' }
		});
		expect(again).toMatchObject({
			status: 'applied',
			result: { orderId: payload.intentId, status: 'open' }
		});
		expect(orderCount(payload.intentId)).toBe(1);
		const [row] = (await ordersOnPhone(caller)).filter((r) => r.id === payload.intentId);
		// The repeat changed nothing: the first intent's amount stands.
		expect(row).toEqual({
			id: payload.intentId,
			accountId: own.id,
			operator: 'payme',
			amountTiyin: 5_000_000,
			status: 'open',
			createdAtMs: FIXED_NOW,
			closedAtMs: null,
			receipt: null
		});
	});

	it('takes the intent id in capitals as the same intent', async () => {
		const caller = await callerAt('demo2', () => FIXED_NOW);
		const payload = intent(own.id);
		await push(caller, aDevice(), payload);
		const upper = await push(caller, aDevice(), {
			...payload,
			intentId: payload.intentId.toUpperCase()
		});
		expect(upper).toMatchObject({ status: 'applied', result: { orderId: payload.intentId } });
		expect(orderCount(payload.intentId)).toBe(1);
	});

	it("refuses another person's account, and opens nothing", async () => {
		const caller = await callerAt('demo2', () => FIXED_NOW);
		const payload = intent(foreign.id);
		expect(await push(caller, aDevice(), payload)).toMatchObject({
			status: 'refused',
			reason: 'error.account_forbidden'
		});
		expect(orderCount(payload.intentId)).toBe(0);
	});

	it("refuses an intent id that already holds another account's order", async () => {
		const owner = await callerAt('demo', () => FIXED_NOW);
		const payload = intent(foreign.id);
		await push(owner, aDevice(), payload);
		const other = await callerAt('demo2', () => FIXED_NOW);
		expect(await push(other, aDevice(), { ...payload, accountId: own.id })).toMatchObject({
			status: 'refused',
			reason: 'error.payment_intent_taken'
		});
		expect(
			db.$client
				.prepare('select account_id as a from payment_orders where id = ?')
				.get(payload.intentId)
		).toEqual({ a: foreign.id });
	});

	it('refuses an operator that is not configured (Click here; Payme without its key)', async () => {
		const caller = await callerAt('demo2', () => FIXED_NOW);
		const click = intent(own.id, { operator: 'click' });
		expect(await push(caller, aDevice(), click)).toMatchObject({
			status: 'refused',
			reason: 'error.payment_operator_unavailable'
		});
		delete process.env.PAYME_KEY;
		const payme = intent(own.id);
		expect(await push(caller, aDevice(), payme)).toMatchObject({
			status: 'refused',
			reason: 'error.payment_operator_unavailable'
		});
		expect(orderCount(click.intentId) + orderCount(payme.intentId)).toBe(0);
		expect(await caller.payments.operators()).toEqual([]);
		process.env.PAYME_KEY = KEY;
		expect(await caller.payments.operators()).toEqual(['payme']);
	});

	it('refuses amounts outside the limits, fractions of a tiyin and operators paid elsewhere', async () => {
		const caller = await callerAt('demo2', () => FIXED_NOW);
		for (const [bad, reason] of [
			[{ amountTiyin: 99_999 }, 'error.payment_amount'],
			[{ amountTiyin: 10_000_000_001 }, 'error.payment_amount'],
			[{ amountTiyin: 1_000_000.5 }, 'error.payment_amount'],
			[{ amountTiyin: '5000000' }, 'error.payment_amount'],
			[{ amountTiyin: Number.MAX_SAFE_INTEGER + 1 }, 'error.payment_amount'],
			[{ operator: 'paynet' }, 'error.payment_operator'],
			[{ intentId: 'not-a-uuid' }, 'error.invalid_input']
		] as const) {
			const payload = intent(own.id, bad);
			expect(await push(caller, aDevice(), payload)).toMatchObject({ status: 'refused', reason });
			expect(orderCount(payload.intentId)).toBe(0);
		}
	});
});

describe('the receipt', () => {
	it('is on the order once Payme performs: operator, its transaction id, amount, time, account, balance after', async () => {
		const caller = await callerAt('demo2', () => FIXED_NOW);
		const payload = intent(own.id, { amountTiyin: 1_234_500 });
		await push(caller, aDevice(), payload);
		const before = balance(own.id);
		const paidAt = FIXED_NOW + 60_000;
		const { id, check, created, performed } = await payWithPayme(
			{ id: payload.intentId, amountTiyin: 1_234_500 },
			own.number,
			paidAt
		);
		expect(check.result).toEqual({ allow: true });
		expect(created.result).toMatchObject({ state: 1 });
		expect(performed.result).toMatchObject({ state: 2, perform_time: paidAt });
		expect(balance(own.id)).toBe(before + 1_234_500);
		const [row] = (await ordersOnPhone(caller)).filter((r) => r.id === payload.intentId);
		expect(row.status).toBe('paid');
		expect(row.closedAtMs).toBe(paidAt);
		expect(row.receipt).toEqual({
			operator: 'payme',
			operatorTxId: id,
			amountTiyin: 1_234_500,
			paidAtMs: paidAt,
			accountNumber: own.number,
			balanceAfterTiyin: before + 1_234_500
		});
		// Performed again: the same receipt, one credit.
		await payme(paidAt + 1000, 'PerformTransaction', { id });
		expect(balance(own.id)).toBe(before + 1_234_500);
		expect(verifyLedger(db).mismatches).toEqual([]);
	});

	it('turns refunded when Payme cancels after perform, and the phone pulls the change', async () => {
		const caller = await callerAt('demo2', () => FIXED_NOW);
		const payload = intent(own.id);
		await push(caller, aDevice(), payload);
		const { cursor } = await caller.sync.pull({
			protocol: SYNC_PROTOCOL,
			cursor: null,
			limit: 500
		});
		const { id } = await payWithPayme(
			{ id: payload.intentId, amountTiyin: 5_000_000 },
			own.number,
			FIXED_NOW
		);
		const before = balance(own.id);
		const cancel = await payme(FIXED_NOW + 5000, 'CancelTransaction', { id, reason: 5 });
		expect(cancel.result).toMatchObject({ state: -2 });
		expect(balance(own.id)).toBe(before - 5_000_000);
		const page = await caller.sync.pull({ protocol: SYNC_PROTOCOL, cursor, limit: 500 });
		const row = page.changes.find(
			(c) => c.table === 'paymentOrders' && c.op === 'put' && c.row.id === payload.intentId
		);
		expect(row && row.op === 'put' && row.row).toMatchObject({
			status: 'refunded',
			closedAtMs: FIXED_NOW + 5000
		});
		// The receipt of the payment stays: the refund is its own ledger entry.
		expect(
			row && row.op === 'put' && (row.row as unknown as PaymentOrderRow).receipt?.operatorTxId
		).toBe(id);
	});
});

describe('expiry', () => {
	it(`closes an order nobody paid in ${ORDER_EXPIRY_MS / 3_600_000} h as expired on the next pull, and Payme is refused`, async () => {
		let now = FIXED_NOW;
		const caller = await callerAt('demo2', () => now);
		const payload = intent(own.id);
		await push(caller, aDevice(), payload);
		const account = { account: own.number, order: payload.intentId };
		now = FIXED_NOW + ORDER_EXPIRY_MS - 1;
		expect((await ordersOnPhone(caller)).find((r) => r.id === payload.intentId)?.status).toBe(
			'open'
		);
		now = FIXED_NOW + ORDER_EXPIRY_MS;
		// Due but not yet swept: Payme cannot start paying it.
		const early = await payme(now, 'CheckPerformTransaction', { amount: 5_000_000, account });
		expect(early.error?.code).toBe(-31053);
		const row = (await ordersOnPhone(caller)).find((r) => r.id === payload.intentId);
		expect(row).toMatchObject({ status: 'expired', closedAtMs: now, receipt: null });
		const late = await payme(now, 'CreateTransaction', {
			id: '66aa00000000000000000001',
			time: now,
			amount: 5_000_000,
			account
		});
		expect(late.error?.code).toBe(-31053);
		await expect(caller.payments.checkout({ orderId: payload.intentId })).rejects.toMatchObject({
			message: 'error.payment_order_closed'
		});
		// A repeated intent finds the expired order; it does not reopen it.
		expect(await push(caller, aDevice(), payload)).toMatchObject({
			result: { orderId: payload.intentId, status: 'expired' }
		});
	});

	it('keeps open an order whose Payme transaction is still pending, so that it can be performed', async () => {
		let now = FIXED_NOW;
		const caller = await callerAt('demo2', () => now);
		const payload = intent(own.id);
		await push(caller, aDevice(), payload);
		const createdAt = FIXED_NOW + ORDER_EXPIRY_MS - 60_000;
		const id = '66bb00000000000000000001';
		const account = { account: own.number, order: payload.intentId };
		expect(
			(
				await payme(createdAt, 'CreateTransaction', {
					id,
					time: createdAt,
					amount: 5_000_000,
					account
				})
			).result
		).toMatchObject({ state: 1 });
		now = FIXED_NOW + ORDER_EXPIRY_MS + 60_000;
		expect((await ordersOnPhone(caller)).find((r) => r.id === payload.intentId)?.status).toBe(
			'open'
		);
		expect((await payme(now, 'PerformTransaction', { id })).result).toMatchObject({ state: 2 });
		expect((await ordersOnPhone(caller)).find((r) => r.id === payload.intentId)?.status).toBe(
			'paid'
		);
	});
});

describe('payments.checkout', () => {
	it("gives Payme's GET checkout link of the order, which decodes to its fields", async () => {
		const caller = await callerAt('demo2', () => FIXED_NOW);
		const payload = intent(own.id, { amountTiyin: 7_650_000 });
		await push(caller, aDevice(), payload);
		process.env.PAYME_CHECKOUT_URL = 'https://checkout.paycom.uz';
		const { url } = await caller.payments.checkout({ orderId: payload.intentId, locale: 'ru' });
		const match = /^https:\/\/checkout\.paycom\.uz\/([A-Za-z0-9+/=]+)$/.exec(url);
		expect(match).not.toBeNull();
		const text = Buffer.from(match![1], 'base64').toString('utf8');
		const returnUrl = `https://tok.example/payments?account=${own.id}&order=${payload.intentId}`;
		expect(text).toBe(
			`m=${MERCHANT};ac.account=${own.number};ac.order=${payload.intentId};a=7650000;l=ru;c=${returnUrl}`
		);
		expect(decodePaymeCheckout(match![1])).toEqual({
			merchantId: MERCHANT,
			accountNumber: own.number,
			orderId: payload.intentId,
			amountTiyin: 7_650_000,
			lang: 'ru',
			returnUrl
		});
		// Uzbek in Cyrillic goes to Payme's Uzbek; the demo points at its sandbox on this origin.
		delete process.env.PAYME_CHECKOUT_URL;
		process.env.TOK_DEMO = '1';
		const demo = await caller.payments.checkout({ orderId: payload.intentId, locale: 'uz-Cyrl' });
		expect(demo.url.startsWith('https://tok.example/sandbox/payme/')).toBe(true);
		expect(
			decodePaymeCheckout(demo.url.slice('https://tok.example/sandbox/payme/'.length))?.lang
		).toBe('uz');
	});

	it("refuses another person's order and an unknown one alike, and a paid one with a reason", async () => {
		const owner = await callerAt('demo', () => FIXED_NOW);
		const payload = intent(foreign.id);
		await push(owner, aDevice(), payload);
		const other = await callerAt('demo2', () => FIXED_NOW);
		for (const orderId of [payload.intentId, uuidv7()]) {
			const error = await other.payments.checkout({ orderId }).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(TRPCError);
			expect(error).toMatchObject({ code: 'FORBIDDEN', message: 'error.account_forbidden' });
		}
		await payWithPayme({ id: payload.intentId, amountTiyin: 5_000_000 }, foreign.number, FIXED_NOW);
		await expect(owner.payments.checkout({ orderId: payload.intentId })).rejects.toMatchObject({
			code: 'CONFLICT',
			message: 'error.payment_order_paid'
		});
	});

	it('refuses an operator whose keys were taken away after the order was opened', async () => {
		const caller = await callerAt('demo2', () => FIXED_NOW);
		const payload = intent(own.id);
		await push(caller, aDevice(), payload);
		delete process.env.PAYME_MERCHANT_ID;
		await expect(caller.payments.checkout({ orderId: payload.intentId })).rejects.toMatchObject({
			message: 'error.payment_operator_unavailable'
		});
	});
});
