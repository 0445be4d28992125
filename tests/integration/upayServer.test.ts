import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/lib/server/db';
import { verifyLedger } from '../../src/lib/server/services/ledger';
import { openOrder } from '../../src/lib/server/services/payments/orders';
import { formatTashkentTime, parseTashkentTime } from '../../src/lib/domain/payments/tashkentTime';
import { tempDb } from './helpers/testDb';
import { anAccount } from './helpers/builders';
import { startBuiltServer } from './helpers/builtServer';

// UPay's check and pay against the built server (`npm run serve`) over real HTTP: two processes on
// one SQLite file with the default contract settings, and a third with another formula, hash and
// status numbers. Tokens are computed here from the formulas, by hand.

const SECRET = 'upay-server-secret-0c4d';
let servers: Array<Awaited<ReturnType<typeof startBuiltServer>>> = [];
let cleanup: () => void;
let db: Db;
let accounts: Array<{ id: number; number: string }>;

beforeAll(async () => {
	const t = tempDb();
	cleanup = t.cleanup;
	accounts = Array.from({ length: 8 }, () => anAccount(t.db));
	t.db.$client.close();
	const env = { UPAY_SERVICE_ID: '30456', UPAY_SECRET: SECRET };
	servers = await Promise.all([
		startBuiltServer(t.dir, env),
		startBuiltServer(t.dir, { ...env, BODY_SIZE_LIMIT: '512K' }),
		startBuiltServer(t.dir, {
			...env,
			UPAY_PAY_TOKEN: 'secret+upayTransId+personalAccount+upayPaymentAmount',
			UPAY_CHECK_TOKEN: 'secret+personalAccount',
			UPAY_TOKEN_HASH: 'sha1',
			UPAY_STATUSES: 'ok=0,token=4,account=1,duplicate=10'
		})
	]);
	db = openDatabase(join(t.dir, 'tok.sqlite'));
}, 90_000);
afterAll(async () => {
	await Promise.all(servers.map((s) => s.stop()));
	db?.$client.close();
	cleanup?.();
});

const md5 = (s: string) => createHash('md5').update(s).digest('hex');
const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');
let nextId = 900_000_000;

const OK = { status: 1, message: 'Успешно' };

async function post(kind: 'check' | 'pay', body: string, type = 'application/json', server = 0) {
	const response = await fetch(`${servers[server].baseURL}/api/payments/upay/${kind}`, {
		method: 'POST',
		headers: { 'content-type': type },
		body
	});
	expect(response.status).toBe(200);
	return (await response.json()) as { status: number; message: string };
}

const check = (personalAccount: string, accessToken = md5(personalAccount + SECRET), server = 0) =>
	post('check', JSON.stringify({ personalAccount, accessToken }), 'application/json', server);

/** A pay as UPay sends it: md5(upayTransId + secret + upayPaymentAmount + personalAccount). */
function payFields(personalAccount: string, amount: string, over: Record<string, string> = {}) {
	const f = {
		upayTransId: String(++nextId),
		upayTransTime: formatTashkentTime(Date.now()),
		upayPaymentAmount: amount,
		personalAccount,
		...over
	};
	return {
		...f,
		accessToken: md5(f.upayTransId + SECRET + f.upayPaymentAmount + f.personalAccount)
	};
}
const pay = (f: Record<string, string>, server = 0) =>
	post('pay', JSON.stringify(f), 'application/json', server);

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
const txRow = (id: string) =>
	db.$client
		.prepare(
			'select state, amount_tiyin as amount, order_id as orderId, operator_time_ms as operatorTimeMs from payment_transactions where operator = ? and operator_tx_id = ?'
		)
		.get('upay', id) as
		{ state: number; amount: number; orderId: string | null; operatorTimeMs: number } | undefined;

async function writesNothing(run: () => Promise<unknown>) {
	const before = [count('payment_transactions'), count('ledger_entries')];
	const sum = db.$client.prepare('select sum(balance_tiyin) from accounts').pluck().get();
	await run();
	expect([count('payment_transactions'), count('ledger_entries')]).toEqual(before);
	expect(db.$client.prepare('select sum(balance_tiyin) from accounts').pluck().get()).toBe(sum);
}

describe('UPay on the running server', () => {
	it('check: a known account is 1, a wrong token 2, an unknown account 3; nothing is written', async () => {
		await writesNothing(async () => {
			expect(await check(accounts[0].number)).toEqual(OK);
			expect(await check(accounts[0].number, md5(accounts[0].number + 'wrong'))).toEqual({
				status: 2,
				message: 'Неверный accessToken'
			});
			expect(await check('1799999999')).toEqual({ status: 3, message: 'Лицевой счёт не найден' });
			expect((await check('not-an-account')).status).toBe(3);
			expect(
				(await post('check', JSON.stringify({ personalAccount: accounts[0].number }))).status
			).toBe(7);
		});
	});

	it('pay by account number: status 1, credited once under upayTransId, repeats answer the same', async () => {
		const account = accounts[0];
		const time = formatTashkentTime(Date.now() - 60_000);
		const f = payFields(account.number, '25000.5', { upayTransTime: time });
		expect(await pay(f)).toEqual(OK);
		// Recorded under UPay's own time (Tashkent wall clock, to the second).
		expect(txRow(f.upayTransId)).toEqual({
			state: 2,
			amount: 2_500_050,
			orderId: null,
			operatorTimeMs: parseTashkentTime(time)
		});
		for (const server of [0, 1]) expect(await pay(f, server)).toEqual(OK);
		// Form-encoded, as some UPay setups send: the same payment, still once.
		expect(
			await post('pay', new URLSearchParams(f).toString(), 'application/x-www-form-urlencoded')
		).toEqual(OK);
		expect(entries(account.id)).toEqual([
			{ kind: 'payment', amount: 2_500_050, ref: `upay:${f.upayTransId}` }
		]);
		expect(balance(account.id)).toBe(2_500_050);
	});

	it('the same upayTransId with another amount or account is refused (6), nothing more written', async () => {
		const f = payFields(accounts[1].number, '10000');
		expect(await pay(f)).toEqual(OK);
		await writesNothing(async () => {
			const again = (over: Record<string, string>) => {
				const g = { ...f, ...over };
				return pay({
					...g,
					accessToken: md5(g.upayTransId + SECRET + g.upayPaymentAmount + g.personalAccount)
				});
			};
			const refused = {
				status: 6,
				message: 'Платёж с этим upayTransId уже проведён с другой суммой или на другой счёт'
			};
			expect(await again({ upayPaymentAmount: '10001' })).toEqual(refused);
			expect(await again({ personalAccount: accounts[2].number })).toEqual(refused);
		});
		expect(balance(accounts[1].id)).toBe(1_000_000);
	});

	it('20 concurrent pays of one upayTransId over two processes: all status 1, one credit', async () => {
		const account = accounts[2];
		const f = payFields(account.number, '40000');
		const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => pay(f, i % 2)));
		expect(answers).toEqual(Array.from({ length: 20 }, () => OK));
		expect(entries(account.id)).toEqual([
			{ kind: 'payment', amount: 4_000_000, ref: `upay:${f.upayTransId}` }
		]);
	});

	it('wrong amounts are 4, a wrong token 2, and neither writes anything', async () => {
		const account = accounts[3];
		await writesNothing(async () => {
			for (const amount of ['0', '-5', '1000.001', '1e309', '999.99', '100000000.01', 'abc'])
				expect(await pay(payFields(account.number, amount)), amount).toEqual({
					status: 4,
					message: 'Неверная сумма: от 1 000 до 100 000 000 сум, не больше двух знаков после точки'
				});
			// Number literals, as UPay's JSON may carry them: 1e309 is no amount, 1000.001 has a third decimal.
			for (const literal of ['1e309', '1000.001', '-5', '0']) {
				const f = payFields(account.number, literal);
				const body = JSON.stringify({ ...f, upayPaymentAmount: 0 }).replace(
					'"upayPaymentAmount":0',
					`"upayPaymentAmount":${literal}`
				);
				expect((await post('pay', body)).status, literal).toBe(4);
			}
			expect(
				(await pay({ ...payFields(account.number, '5000'), accessToken: md5('x') })).status
			).toBe(2);
			expect((await pay(payFields('1799999999', '5000'))).status).toBe(3);
		});
	});

	it('junk, a wrong content type, missing fields and a 2 MB body are 7 from either process, never a 500', async () => {
		const f = payFields(accounts[3].number, '5000');
		const refused = { status: 7, message: 'Неверный запрос' };
		await writesNothing(async () => {
			expect(await post('pay', '{"upayTransId":')).toEqual(refused);
			expect(await post('pay', '"just a string"')).toEqual(refused);
			expect(await post('pay', JSON.stringify({ ...f, upayTransId: { $gt: 0 } }))).toEqual(refused);
			expect(await post('pay', JSON.stringify(f), 'text/xml')).toEqual(refused);
			expect(await post('check', JSON.stringify(f), 'text/plain')).toEqual(refused);
			const { upayTransId: _, ...missing } = f;
			void _;
			expect(await pay(missing)).toEqual(refused);
			expect(await pay({ ...f, upayTransTime: 'yesterday' })).toEqual(refused);
			const huge = JSON.stringify({ ...f, pad: 'x'.repeat(2 * 1024 * 1024) });
			for (const server of [0, 1])
				expect(await post('pay', huge, 'application/json', server)).toEqual(refused);
		});
		for (const s of servers) expect(s.running).toBe(true);
	});

	it('pays an order from the app (`<account>:<order>`): its amount only, once; the order is then closed (5)', async () => {
		const account = accounts[4];
		const order = openOrder(db, {
			intentId: randomUUID(),
			accountId: account.id,
			operator: 'upay',
			amountTiyin: 6_000_000,
			nowMs: Date.now()
		});
		const personal = `${account.number}:${order.id}`;
		expect(await check(personal)).toEqual(OK);
		await writesNothing(async () => {
			expect((await pay(payFields(personal, '60000.01'))).status).toBe(4);
			expect((await pay(payFields(`${accounts[5].number}:${order.id}`, '60000'))).status).toBe(5);
			expect((await check(`${account.number}:no-such-order`)).status).toBe(5);
		});
		const f = payFields(personal, '60000');
		expect(await pay(f)).toEqual(OK);
		expect(txRow(f.upayTransId)!.orderId).toBe(order.id);
		expect(
			db.$client.prepare('select status from payment_orders where id = ?').pluck().get(order.id)
		).toBe('paid');
		expect(await pay(f, 1)).toEqual(OK);
		expect(await pay(payFields(personal, '60000'))).toEqual({
			status: 5,
			message: 'Заказ не найден, уже оплачен или закрыт'
		});
		expect(await check(personal)).toMatchObject({ status: 5 });
		expect(balance(account.id)).toBe(6_000_000);
	});

	it('a pay that comes more than 12 hours after UPay took the money is still credited, under Tok’s time', async () => {
		const account = accounts[5];
		const f = payFields(account.number, '8000', {
			upayTransTime: formatTashkentTime(Date.now() - 13 * 3_600_000)
		});
		const before = Date.now();
		expect(await pay(f)).toEqual(OK);
		expect(txRow(f.upayTransId)!.operatorTimeMs).toBeGreaterThanOrEqual(before);
		expect(balance(account.id)).toBe(800_000);
	});

	it('contract settings: another token formula, hash and status numbers', async () => {
		const account = accounts[6];
		const checkToken = sha1(SECRET + account.number);
		expect(await check(account.number, checkToken, 2)).toEqual({ status: 0, message: 'Успешно' });
		// The default formula's token is now wrong; the unknown account gets the configured number.
		expect((await check(account.number, md5(account.number + SECRET), 2)).status).toBe(4);
		expect((await check('1799999999', sha1(SECRET + '1799999999'), 2)).status).toBe(1);
		const f = {
			upayTransId: String(++nextId),
			upayTransTime: formatTashkentTime(Date.now()),
			upayPaymentAmount: '3000',
			personalAccount: account.number
		};
		const accessToken = sha1(SECRET + f.upayTransId + f.personalAccount + f.upayPaymentAmount);
		expect(await post('pay', JSON.stringify({ ...f, accessToken }), 'application/json', 2)).toEqual(
			{ status: 0, message: 'Успешно' }
		);
		expect(balance(account.id)).toBe(300_000);
	});

	it('ends with the ledger equal to the balances', () => {
		expect(verifyLedger(db).mismatches).toEqual([]);
	});
});
