import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/lib/server/db';
import { verifyLedger } from '../../src/lib/server/services/ledger';
import { tempDb } from './helpers/testDb';
import { anAccount } from './helpers/builders';
import { startBuiltServer } from './helpers/builtServer';

// The operator at its worst, over HTTP against two built server processes on one SQLite file:
// every Payme call is sent three times, all payments' calls shuffled together (a seeded shuffle),
// through a proxy that loses some requests on the way and drops some answers after the server has
// acted on them. Then, as Payme does, the operator retries each payment's steps until it hears an
// answer. The ledger must end with each payment exactly once, whatever the order and the losses.

const KEY = 'payme-fault-key-5d1c';
const AUTH = `Basic ${Buffer.from(`Paycom:${KEY}`).toString('base64')}`;
const SEED = Number(process.env.FAULT_SEED ?? 20261201);
const PAYMENTS = 36;

/** mulberry32: a small seeded generator, so a failing order can be replayed with FAULT_SEED. */
function rng(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const random = rng(SEED);
function shuffle<T>(items: T[]): T[] {
	for (let i = items.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[items[i], items[j]] = [items[j], items[i]];
	}
	return items;
}

let servers: Array<Awaited<ReturnType<typeof startBuiltServer>>> = [];
let proxy: Server;
let proxyUrl: string;
let dataDir: string;
let cleanup: () => void;
let db: Db;
let accounts: Array<{ id: number; number: string }>;
const faults = { lostRequests: 0, droppedAnswers: 0, forwarded: 0 };

beforeAll(async () => {
	const t = tempDb();
	({ cleanup, dir: dataDir } = t);
	accounts = Array.from({ length: 5 }, () => anAccount(t.db));
	t.db.$client.close();
	servers = await Promise.all([
		startBuiltServer(dataDir, { PAYME_KEY: KEY }),
		startBuiltServer(dataDir, { PAYME_KEY: KEY })
	]);
	db = openDatabase(join(dataDir, 'tok.sqlite'));
	let turn = 0;
	const relay = async (req: IncomingMessage, res: ServerResponse) => {
		const chunks: Buffer[] = [];
		for await (const c of req) chunks.push(c as Buffer);
		const fate = random();
		if (fate < 0.1) {
			// Lost on the way: the server never hears it.
			faults.lostRequests++;
			req.socket.destroy();
			return;
		}
		const upstream = await fetch(`${servers[turn++ % 2].baseURL}${req.url}`, {
			method: 'POST',
			headers: {
				'content-type': req.headers['content-type'] ?? '',
				authorization: req.headers.authorization ?? ''
			},
			body: Buffer.concat(chunks)
		});
		const text = await upstream.text();
		faults.forwarded++;
		if (fate < 0.3) {
			// The server acted; its answer never reaches the operator.
			faults.droppedAnswers++;
			req.socket.destroy();
			return;
		}
		res.writeHead(upstream.status, { 'content-type': 'application/json' }).end(text);
	};
	proxy = createServer((req, res) => void relay(req, res));
	proxy.listen(0, '127.0.0.1');
	await once(proxy, 'listening');
	proxyUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
}, 120_000);
afterAll(async () => {
	proxy?.close();
	await Promise.all(servers.map((s) => s.stop()));
	db?.$client.close();
	cleanup?.();
});

interface Answer {
	result?: Record<string, unknown>;
	error?: { code: number };
}
let rpcId = 0;
/** One call through the faulty proxy: the answer, or null when none came back. */
async function send(method: string, params: unknown, base = proxyUrl): Promise<Answer | null> {
	try {
		const response = await fetch(`${base}/api/payments/payme`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: AUTH },
			body: JSON.stringify({ jsonrpc: '2.0', id: ++rpcId, method, params })
		});
		expect(response.status).toBe(200);
		return (await response.json()) as Answer;
	} catch (e) {
		if (e instanceof TypeError) return null; // the connection was dropped
		throw e;
	}
}

interface Payment {
	id: string;
	account: { id: number; number: string };
	amount: number;
	time: number;
	/** Payme cancels some after paying them (a refund). */
	refund: boolean;
}
type Step = 'CreateTransaction' | 'PerformTransaction' | 'CancelTransaction';
const params = (p: Payment, step: Step) =>
	step === 'CreateTransaction'
		? { id: p.id, time: p.time, amount: p.amount, account: { account: p.account.number } }
		: step === 'CancelTransaction'
			? { id: p.id, reason: 5 }
			: { id: p.id };

async function pool<T>(items: T[], width: number, work: (item: T) => Promise<void>) {
	let next = 0;
	await Promise.all(
		Array.from({ length: width }, async () => {
			while (next < items.length) await work(items[next++]);
		})
	);
}

describe('Payme under repeats, shuffling and lost answers', () => {
	it('ends with each payment credited exactly once and the ledger verifying', async () => {
		const now = Date.now();
		const payments: Payment[] = Array.from({ length: PAYMENTS }, (_, i) => ({
			id: `fault${SEED}x${String(i).padStart(4, '0')}`,
			account: accounts[i % accounts.length],
			amount: 1_000_00 * (10 + i) + i,
			time: now - i * 1000,
			refund: i % 6 === 0
		}));
		const steps = (p: Payment): Step[] =>
			p.refund
				? ['CreateTransaction', 'PerformTransaction', 'CancelTransaction']
				: ['CreateTransaction', 'PerformTransaction'];

		// Every call three times, everything shuffled together, six in flight.
		const calls = shuffle(
			payments.flatMap((p) => steps(p).flatMap((s) => [0, 1, 2].map(() => ({ p, s }))))
		);
		await pool(calls, 6, async ({ p, s }) => void (await send(s, params(p, s))));

		// Then Payme's own discipline: each step is retried until an answer comes back.
		await pool(payments, 6, async (p) => {
			for (const s of steps(p)) {
				for (let attempt = 0; ; attempt++) {
					expect(attempt).toBeLessThan(50);
					const answer = await send(s, params(p, s));
					if (answer) break;
				}
			}
		});
		expect(faults.lostRequests).toBeGreaterThan(0);
		expect(faults.droppedAnswers).toBeGreaterThan(0);

		const expected = new Map<number, number>();
		for (const p of payments) {
			const check = await send('CheckTransaction', { id: p.id }, servers[0].baseURL);
			const state = check!.result!.state as number;
			const entries = db.$client
				.prepare(
					'select kind, amount_tiyin as amount, account_id as account from ledger_entries where source_ref in (?, ?) order by id'
				)
				.all(`payme:${p.id}`, `payme:${p.id}:refund`);
			const payment = { kind: 'payment', amount: p.amount, account: p.account.id };
			const refund = { kind: 'refund', amount: -p.amount, account: p.account.id };
			if (p.refund) {
				// Shuffled, the cancel may have come before the perform: then nothing was paid.
				expect([-1, -2]).toContain(state);
				expect(entries).toEqual(state === -2 ? [payment, refund] : []);
			} else {
				expect(state).toBe(2);
				expect(entries).toEqual([payment]);
				expected.set(p.account.id, (expected.get(p.account.id) ?? 0) + p.amount);
			}
		}
		for (const a of accounts)
			expect(
				db.$client.prepare('select balance_tiyin from accounts where id = ?').pluck().get(a.id)
			).toBe(expected.get(a.id) ?? 0);
		expect(
			db.$client
				.prepare("select count(*) from payment_transactions where operator = 'payme'")
				.pluck()
				.get()
		).toBe(PAYMENTS);
		expect(verifyLedger(db).mismatches).toEqual([]);

		for (const s of servers) await s.stop();
		const verify = spawnSync(
			process.execPath,
			['--import', 'tsx', 'src/lib/server/cli/ledgerVerify.ts'],
			{ env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' }
		);
		expect(verify.stdout).toContain('Ledger OK');
		expect(verify.status).toBe(0);
	}, 120_000);
});
