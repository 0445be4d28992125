import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/lib/server/db';
import { verifyLedger } from '../../src/lib/server/services/ledger';
import { openOrder } from '../../src/lib/server/services/payments/orders';
import { formatTashkentTime } from '../../src/lib/domain/payments/tashkentTime';
import { tempDb } from './helpers/testDb';
import { anAccount } from './helpers/builders';
import { startBuiltServer } from './helpers/builtServer';

// Click's SHOP API against the built server (`npm run serve`) over real HTTP, scenario by scenario
// as Click's merchant tests do: two server processes on one SQLite file, so "concurrent" is two
// connections racing. The signature is computed here from the published formula, by hand.

const SECRET = 'click-server-secret-5b7e';
const SERVICE = '71234';
let servers: Array<Awaited<ReturnType<typeof startBuiltServer>>> = [];
let cleanup: () => void;
let db: Db;
let accounts: Array<{ id: number; number: string }>;

beforeAll(async () => {
	const t = tempDb();
	cleanup = t.cleanup;
	accounts = Array.from({ length: 8 }, () => anAccount(t.db));
	t.db.$client.close();
	const env = { CLICK_SERVICE_ID: SERVICE, CLICK_MERCHANT_ID: '81234', CLICK_SECRET_KEY: SECRET };
	servers = await Promise.all([
		startBuiltServer(t.dir, env),
		// adapter-node's own default limit: its refusal of a big body must still be Click's answer.
		startBuiltServer(t.dir, { ...env, BODY_SIZE_LIMIT: '512K' })
	]);
	db = openDatabase(join(t.dir, 'tok.sqlite'));
}, 90_000);
afterAll(async () => {
	await Promise.all(servers.map((s) => s.stop()));
	db?.$client.close();
	cleanup?.();
});

const md5 = (s: string) => createHash('md5').update(s).digest('hex');
let nextId = 3_000_000_000;

type Fields = Record<string, string>;

/** A Prepare as Click sends it, signed: md5(id + service + secret + mti + amount + action + time). */
function prepareFields(merchantTransId: string, amount: string, over: Fields = {}): Fields {
	const f: Fields = {
		click_trans_id: String(++nextId),
		service_id: SERVICE,
		click_paydoc_id: String(nextId + 5),
		merchant_trans_id: merchantTransId,
		amount,
		action: '0',
		error: '0',
		error_note: 'Success',
		sign_time: formatTashkentTime(Date.now()),
		...over
	};
	return sign(f);
}

function sign(f: Fields, secret = SECRET): Fields {
	const prepareId = f.action === '1' ? f.merchant_prepare_id : '';
	const text =
		f.click_trans_id +
		f.service_id +
		secret +
		f.merchant_trans_id +
		prepareId +
		f.amount +
		f.action +
		f.sign_time;
	return { ...f, sign_string: md5(text) };
}

/** The Complete for a Prepare, signed with merchant_prepare_id after merchant_trans_id. */
function completeFields(
	prepared: Fields,
	merchantPrepareId: number | string,
	over: Fields = {}
): Fields {
	const { sign_string: _, ...f } = prepared;
	void _;
	return sign({ ...f, action: '1', merchant_prepare_id: String(merchantPrepareId), ...over });
}

async function post(path: 'prepare' | 'complete', body: string, type: string, server = 0) {
	const response = await fetch(`${servers[server].baseURL}/api/payments/click/${path}`, {
		method: 'POST',
		headers: { 'content-type': type },
		body
	});
	expect(response.status).toBe(200);
	expect(response.headers.get('content-type')).toMatch(/^application\/json/);
	return (await response.json()) as Record<string, unknown>;
}
const form = (path: 'prepare' | 'complete', f: Fields, server = 0) =>
	post(path, new URLSearchParams(f).toString(), 'application/x-www-form-urlencoded', server);

const count = (table: string) =>
	db.$client.prepare(`select count(*) from ${table}`).pluck().get() as number;
const balance = (accountId: number) =>
	db.$client.prepare('select balance_tiyin from accounts where id = ?').pluck().get(accountId);
const entries = (accountId: number) =>
	db.$client
		.prepare(
			'select kind, amount_tiyin as amount, source_ref as ref from ledger_entries where account_id = ? order by id'
		)
		.all(accountId);
const txRow = (clickTransId: string) =>
	db.$client
		.prepare(
			'select id, state, reason, amount_tiyin as amount, order_id as orderId from payment_transactions where operator = ? and operator_tx_id = ?'
		)
		.get('click', clickTransId) as
		| { id: number; state: number; reason: number | null; amount: number; orderId: string | null }
		| undefined;

/** Nothing written by `run`: no transaction row, no ledger entry, no balance moved. */
async function writesNothing(run: () => Promise<unknown>) {
	const before = [count('payment_transactions'), count('ledger_entries'), count('payment_orders')];
	const sum = db.$client.prepare('select sum(balance_tiyin) from accounts').pluck().get();
	await run();
	expect([count('payment_transactions'), count('ledger_entries'), count('payment_orders')]).toEqual(
		before
	);
	expect(db.$client.prepare('select sum(balance_tiyin) from accounts').pluck().get()).toBe(sum);
}

describe('Click SHOP API on the running server', () => {
	it('Prepare then Complete by account number: each answer field as published, credited once', async () => {
		const account = accounts[0];
		const p = prepareFields(account.number, '50000.00');
		const prepared = await form('prepare', p);
		const row = txRow(p.click_trans_id)!;
		expect(prepared).toEqual({
			click_trans_id: Number(p.click_trans_id),
			merchant_trans_id: account.number,
			merchant_prepare_id: row.id,
			error: 0,
			error_note: 'Success'
		});
		expect(row).toMatchObject({ state: 1, amount: 5_000_000, orderId: null });
		// Prepare repeated: the same answer, the same transaction.
		expect(await form('prepare', p, 1)).toEqual(prepared);
		expect(count('payment_transactions')).toBe(1);
		expect(balance(account.id)).toBe(0);

		const c = completeFields(p, row.id);
		expect(await form('complete', c)).toEqual({
			click_trans_id: Number(p.click_trans_id),
			merchant_trans_id: account.number,
			merchant_confirm_id: row.id,
			error: 0,
			error_note: 'Success'
		});
		expect(txRow(p.click_trans_id)!.state).toBe(2);
		expect(balance(account.id)).toBe(5_000_000);
		// Complete repeated: -4 "Already paid" (the published code for confirming a confirmed
		// transaction), with the same confirm id, and nothing more credited — also with an error.
		for (const again of [c, completeFields(p, row.id, { error: '-1', error_note: 'x' })])
			expect(await form('complete', again, 1)).toEqual({
				click_trans_id: Number(p.click_trans_id),
				merchant_trans_id: account.number,
				merchant_confirm_id: row.id,
				error: -4,
				error_note: 'Already paid'
			});
		// And a Prepare of the paid transaction again.
		expect(await form('prepare', p)).toMatchObject({
			error: -4,
			error_note: 'Already paid',
			merchant_prepare_id: row.id
		});
		expect(entries(account.id)).toEqual([
			{ kind: 'payment', amount: 5_000_000, ref: `click:${p.click_trans_id}` }
		]);
	});

	it('a Complete carrying an error from Click cancels the prepared payment (-9), for good', async () => {
		const account = accounts[1];
		const p = prepareFields(account.number, '12000');
		const prepared = await form('prepare', p);
		expect(prepared.error).toBe(0);
		const declined = completeFields(p, prepared.merchant_prepare_id as number, {
			error: '-5017',
			error_note: 'Insufficient funds'
		});
		const cancelled = {
			click_trans_id: Number(p.click_trans_id),
			merchant_trans_id: account.number,
			error: -9,
			error_note: 'Transaction cancelled'
		};
		expect(await form('complete', declined)).toEqual(cancelled);
		expect(txRow(p.click_trans_id)).toMatchObject({ state: -1, reason: 2 });
		// Repeated, a Complete without the error, and a Prepare again: all -9, nothing credited.
		expect(await form('complete', declined, 1)).toEqual(cancelled);
		expect(
			await form('complete', completeFields(p, prepared.merchant_prepare_id as number))
		).toEqual(cancelled);
		expect(await form('prepare', p)).toEqual(cancelled);
		expect(entries(account.id)).toEqual([]);
		expect(balance(account.id)).toBe(0);
	});

	it('a Prepare carrying an error opens nothing and answers -9', async () => {
		await writesNothing(async () =>
			expect(
				await form('prepare', prepareFields(accounts[1].number, '12000', { error: '-1' }))
			).toMatchObject({ error: -9, error_note: 'Transaction cancelled' })
		);
	});

	it('a wrong or missing signature is -1 and writes nothing', async () => {
		const account = accounts[2];
		await writesNothing(async () => {
			const p = prepareFields(account.number, '50000');
			expect(await form('prepare', { ...p, sign_string: md5('forged') })).toEqual({
				click_trans_id: Number(p.click_trans_id),
				merchant_trans_id: account.number,
				error: -1,
				error_note: 'SIGN CHECK FAILED!'
			});
			expect((await form('prepare', sign(p, 'another-secret'))).error).toBe(-1);
			expect((await form('prepare', { ...p, sign_string: 'zz' })).error).toBe(-1);
			// A field changed after signing: the amount.
			expect((await form('prepare', { ...p, amount: '90000' })).error).toBe(-1);
		});
	});

	it('wrong amounts are -2, signed or not, and write nothing', async () => {
		const account = accounts[2];
		await writesNothing(async () => {
			for (const amount of [
				'0',
				'-5',
				'1000.001',
				'1e309',
				'999.99',
				'100000000.01',
				'1,000',
				'abc',
				''
			])
				expect(await form('prepare', prepareFields(account.number, amount)), amount).toMatchObject({
					error: -2,
					error_note: 'Incorrect parameter amount'
				});
		});
	});

	it('unknown account or order is -5; an unknown action -3; a foreign service id -8', async () => {
		await writesNothing(async () => {
			expect(await form('prepare', prepareFields('1799999999', '50000'))).toMatchObject({
				error: -5,
				error_note: 'User does not exist',
				merchant_trans_id: '1799999999'
			});
			for (const mti of ['order:no-such-order', 'order:', 'abc', '17260 01001'])
				expect((await form('prepare', prepareFields(mti, '50000'))).error, mti).toBe(-5);
			expect(
				await form(
					'prepare',
					prepareFields(accounts[2].number, '50000', { action: '1', merchant_prepare_id: '1' })
				)
			).toMatchObject({ error: -3, error_note: 'Action not found' });
			expect(
				(await form('prepare', prepareFields(accounts[2].number, '50000', { action: '7' }))).error
			).toBe(-3);
			expect(
				await form('prepare', prepareFields(accounts[2].number, '50000', { service_id: '99999' }))
			).toMatchObject({ error: -8, error_note: 'Error in request from click' });
		});
	});

	it('Complete for no Prepare, or with another prepare id, payee or amount, is -6 / -2', async () => {
		const account = accounts[3];
		const p = prepareFields(account.number, '20000');
		const id = (await form('prepare', p)).merchant_prepare_id as number;
		await writesNothing(async () => {
			expect(
				await form('complete', completeFields(prepareFields(account.number, '20000'), 1))
			).toMatchObject({
				error: -6,
				error_note: 'Transaction does not exist'
			});
			expect((await form('complete', completeFields(p, id + 1000))).error).toBe(-6);
			expect(
				(await form('complete', completeFields(p, id, { merchant_trans_id: accounts[4].number })))
					.error
			).toBe(-6);
			expect(await form('complete', completeFields(p, id, { amount: '20000.01' }))).toMatchObject({
				error: -2,
				error_note: 'Incorrect parameter amount'
			});
			// Complete sent to the Prepare address.
			expect((await form('prepare', completeFields(p, id))).error).toBe(-3);
		});
		expect(txRow(p.click_trans_id)!.state).toBe(1);
	});

	it('junk, a wrong content type, missing fields and a 2 MB body are -8 from either process, never a 500', async () => {
		const p = prepareFields(accounts[2].number, '50000');
		await writesNothing(async () => {
			const { click_paydoc_id: _, ...missing } = p;
			void _;
			expect(await form('prepare', missing)).toEqual({
				error: -8,
				error_note: 'Error in request from click'
			});
			expect((await post('prepare', '%%%&&==', 'application/x-www-form-urlencoded')).error).toBe(
				-8
			);
			expect((await post('prepare', '{"click_trans_id":', 'application/json')).error).toBe(-8);
			expect((await post('prepare', '[1,2]', 'application/json')).error).toBe(-8);
			expect((await post('prepare', JSON.stringify(p), 'text/xml')).error).toBe(-8);
			expect((await post('complete', new URLSearchParams(p).toString(), 'text/plain')).error).toBe(
				-8
			);
			// A field given twice is ambiguous: which one was signed?
			expect(
				(
					await post(
						'prepare',
						`${new URLSearchParams(p)}&amount=1`,
						'application/x-www-form-urlencoded'
					)
				).error
			).toBe(-8);
			const huge = `${new URLSearchParams(p)}&pad=${'x'.repeat(2 * 1024 * 1024)}`;
			for (const server of [0, 1])
				expect(await post('prepare', huge, 'application/x-www-form-urlencoded', server)).toEqual({
					error: -8,
					error_note: 'Error in request from click'
				});
		});
		for (const s of servers) expect(s.running).toBe(true);
	});

	it('also takes the fields as JSON or multipart, numbers kept as written', async () => {
		const account = accounts[4];
		const p = prepareFields(account.number, '7000.50');
		// JSON with numeric ids and amount literal, as some Click setups send.
		const json = `{"click_trans_id":${p.click_trans_id},"service_id":${p.service_id},"click_paydoc_id":${p.click_paydoc_id},"merchant_trans_id":"${p.merchant_trans_id}","amount":7000.50,"action":0,"error":0,"error_note":"Success","sign_time":"${p.sign_time}","sign_string":"${p.sign_string}"}`;
		const prepared = await post('prepare', json, 'application/json; charset=utf-8');
		expect(prepared).toMatchObject({ error: 0, click_trans_id: Number(p.click_trans_id) });
		const body = new FormData();
		for (const [k, v] of Object.entries(completeFields(p, prepared.merchant_prepare_id as number)))
			body.append(k, v);
		const response = await fetch(`${servers[1].baseURL}/api/payments/click/complete`, {
			method: 'POST',
			body
		});
		expect(await response.json()).toMatchObject({
			error: 0,
			merchant_confirm_id: prepared.merchant_prepare_id
		});
		expect(balance(account.id)).toBe(700_050);
	});

	it('pays an order from the app (order:<id>): its amount only, once, then -4 for a new attempt', async () => {
		const account = accounts[5];
		const order = openOrder(db, {
			intentId: randomUUID(),
			accountId: account.id,
			operator: 'click',
			amountTiyin: 3_000_000,
			nowMs: Date.now()
		});
		const mti = `order:${order.id}`;
		await writesNothing(async () => {
			expect((await form('prepare', prepareFields(mti, '30000.01'))).error).toBe(-2);
			// An order of another operator is no Click order.
			const payme = openOrder(db, {
				intentId: randomUUID(),
				accountId: account.id,
				operator: 'payme',
				amountTiyin: 3_000_000,
				nowMs: Date.now()
			});
			expect((await form('prepare', prepareFields(`order:${payme.id}`, '30000'))).error).toBe(-5);
			db.$client.prepare('delete from payment_orders where id = ?').run(payme.id);
		});
		const p = prepareFields(mti, '30000');
		const prepared = await form('prepare', p);
		expect(prepared).toMatchObject({ error: 0, merchant_trans_id: mti });
		expect(txRow(p.click_trans_id)!.orderId).toBe(order.id);
		expect(
			(await form('complete', completeFields(p, prepared.merchant_prepare_id as number))).error
		).toBe(0);
		expect(
			db.$client.prepare('select status from payment_orders where id = ?').pluck().get(order.id)
		).toBe('paid');
		expect(await form('prepare', prepareFields(mti, '30000'))).toMatchObject({
			error: -4,
			error_note: 'Already paid'
		});
		expect(balance(account.id)).toBe(3_000_000);
	});

	it('20 concurrent Prepares for one order over two processes: one wins, the rest -9; 20 Completes credit once', async () => {
		const account = accounts[6];
		const order = openOrder(db, {
			intentId: randomUUID(),
			accountId: account.id,
			operator: 'click',
			amountTiyin: 4_000_000,
			nowMs: Date.now()
		});
		const attempts = Array.from({ length: 20 }, () => prepareFields(`order:${order.id}`, '40000'));
		const answers = await Promise.all(attempts.map((p, i) => form('prepare', p, i % 2)));
		const won = answers.filter((a) => a.error === 0);
		expect(won).toHaveLength(1);
		expect(answers.filter((a) => a.error === -9)).toHaveLength(19);
		expect(
			db.$client
				.prepare('select count(*) from payment_transactions where order_id = ?')
				.pluck()
				.get(order.id)
		).toBe(1);
		const winner = attempts[answers.indexOf(won[0])];
		const c = completeFields(winner, won[0].merchant_prepare_id as number);
		const completes = await Promise.all(
			Array.from({ length: 20 }, (_, i) => form('complete', c, i % 2))
		);
		expect(completes.filter((a) => a.error === 0)).toHaveLength(1);
		expect(
			completes.filter(
				(a) => a.error === -4 && a.merchant_confirm_id === won[0].merchant_prepare_id
			)
		).toHaveLength(19);
		expect(entries(account.id)).toEqual([
			{ kind: 'payment', amount: 4_000_000, ref: `click:${winner.click_trans_id}` }
		]);
		expect(verifyLedger(db).mismatches).toEqual([]);
	});

	it('12 hours: a Prepare signed 12 h ago is refused; a Prepare pending 12 h cannot complete (-9, reason 4)', async () => {
		const account = accounts[7];
		await writesNothing(async () => {
			const old = prepareFields(account.number, '50000', {
				sign_time: formatTashkentTime(Date.now() - 12 * 3_600_000 - 1000)
			});
			expect((await form('prepare', old)).error).toBe(-9);
		});
		const p = prepareFields(account.number, '50000');
		const prepared = await form('prepare', p);
		db.$client
			.prepare(
				'update payment_transactions set created_at_ms = created_at_ms - ? where operator_tx_id = ?'
			)
			.run(12 * 3_600_000, p.click_trans_id);
		expect(
			await form('complete', completeFields(p, prepared.merchant_prepare_id as number))
		).toMatchObject({
			error: -9,
			error_note: 'Transaction cancelled'
		});
		expect(txRow(p.click_trans_id)).toMatchObject({ state: -1, reason: 4 });
		expect(entries(account.id)).toEqual([]);
	});

	it('the operators’ form posts pass the cross-site check; every other form post from elsewhere is still 403', async () => {
		const base = servers[0].baseURL;
		const formPost = (path: string, origin?: string) =>
			fetch(`${base}${path}`, {
				method: 'POST',
				redirect: 'manual',
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					...(origin ? { origin } : {})
				},
				body: 'a=1'
			});
		expect((await formPost('/login')).status).toBe(403);
		expect((await formPost('/api/trpc/auth.signIn', 'https://evil.example')).status).toBe(403);
		expect((await formPost('/api/payments/payme')).status).toBe(403);
		// adapter-node without ORIGIN takes requests for https, so that is the server's own origin.
		expect((await formPost('/login', base.replace('http:', 'https:'))).status).not.toBe(403);
		expect((await formPost('/api/payments/click/prepare')).status).toBe(200);
		expect((await formPost('/api/payments/upay/check', 'https://evil.example')).status).toBe(200);
	});

	it('ends with the ledger equal to the balances', () => {
		expect(verifyLedger(db).mismatches).toEqual([]);
	});
});
