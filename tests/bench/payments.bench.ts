/**
 * Payme's Create+Perform pairs per second over HTTP, against the built server (`npm run serve`, as
 * production runs it) on a real SQLite file: each pair is a CreateTransaction then a
 * PerformTransaction of a new transaction, Basic auth and JSON-RPC as Payme sends them, several
 * pairs in flight at once (Payme calls concurrently). Every perform credits the ledger in its own
 * BEGIN IMMEDIATE transaction; the ledger is verified afterwards.
 *
 * Judged against raw better-sqlite3 inserts measured in the same run (baseline.ts): the target is
 * 1,000 pairs/s on a machine doing 1.35 M raw inserts/s (REFERENCE_RAW_INSERTS_PER_S), scaled by
 * what this machine measures. Needs `npm run build` first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { openDatabase } from '../../src/lib/server/db';
import { verifyLedger } from '../../src/lib/server/services/ledger';
import { anAccount } from '../integration/helpers/builders';
import { startBuiltServer } from '../integration/helpers/builtServer';
import { tempDb } from '../integration/helpers/testDb';
import { fmt, judge, rawInsertsPerSecond, REFERENCE_RAW_INSERTS_PER_S } from './baseline';

const TARGET_RATIO = 1_000 / REFERENCE_RAW_INSERTS_PER_S;
const PAIRS = Number(process.env.PAYME_BENCH_PAIRS ?? 4000);
// Payme calls a merchant from many of its servers at once: 16 pairs in flight, on at most 16
// kept-alive connections, keep the server busy while the client, on the same two cores, waits.
const IN_FLIGHT = Number(process.env.PAYME_BENCH_IN_FLIGHT ?? 16);
const KEY = 'payme-bench-key-0e4b';
const AUTH = `Basic ${Buffer.from(`Paycom:${KEY}`).toString('base64')}`;

/** User + system CPU milliseconds the process has used so far (Linux's /proc). */
function cpuMsOf(pid: number | undefined): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// Fields after the command's closing parenthesis; utime and stime are the 12th and 13th.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
}
/** USER_HZ, 100 on every Linux Node runs on. */
const CLOCK_TICKS_PER_S = 100;

export async function run(): Promise<boolean> {
	if (!existsSync(join(process.cwd(), 'build', 'index.js'))) {
		console.log('Payme pairs: no build; run `npm run build` first. FAIL');
		return false;
	}
	const t = tempDb();
	const accounts = Array.from({ length: 50 }, () => anAccount(t.db).number);
	t.db.$client.close();
	// PAYME_BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server under this load.
	const nodeArgs = (process.env.PAYME_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
	const server = await startBuiltServer(t.dir, { PAYME_KEY: KEY }, nodeArgs);
	let agent: Agent | undefined;
	try {
		// node:http with kept-alive connections, as light a client as there is: on a shared
		// 2-core machine every cycle the client spends is one the server does not get.
		const { port } = new URL(server.baseURL);
		agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
		let rpcId = 0;
		const call = (method: string, params: unknown) =>
			new Promise<{ state: number }>((resolve, reject) => {
				const body = JSON.stringify({ jsonrpc: '2.0', id: ++rpcId, method, params });
				const req = request(
					{
						host: '127.0.0.1',
						port,
						path: '/api/payments/payme',
						method: 'POST',
						agent,
						headers: {
							'content-type': 'application/json',
							'content-length': Buffer.byteLength(body),
							authorization: AUTH
						}
					},
					(res) => {
						const chunks: Buffer[] = [];
						res.on('data', (c: Buffer) => chunks.push(c));
						res.on('end', () => {
							const answer = JSON.parse(Buffer.concat(chunks).toString()) as {
								result?: { state: number };
								error?: unknown;
							};
							if (answer.result) resolve(answer.result);
							else reject(new Error(`${method} refused: ${JSON.stringify(answer.error)}`));
						});
					}
				);
				req.on('error', reject);
				req.end(body);
			});
		const pair = async (i: number) => {
			const id = `bench${String(i).padStart(19, '0')}`;
			await call('CreateTransaction', {
				id,
				time: Date.now(),
				amount: 5_000_000,
				account: { account: accounts[i % accounts.length] }
			});
			if ((await call('PerformTransaction', { id })).state !== 2) throw new Error('not performed');
		};
		const drive = async (from: number, count: number) => {
			let next = from;
			await Promise.all(
				Array.from({ length: IN_FLIGHT }, async () => {
					while (next < from + count) await pair(next++);
				})
			);
		};
		await drive(0, 300); // warm up the server's JIT and connections, not timed
		const serverCpuBefore = cpuMsOf(server.pid);
		const clientCpuBefore = process.cpuUsage();
		const started = performance.now();
		await drive(300, PAIRS);
		const seconds = (performance.now() - started) / 1000;
		const clientCpu = process.cpuUsage(clientCpuBefore);
		const serverCpuMs = cpuMsOf(server.pid) - serverCpuBefore;
		const perSecond = PAIRS / seconds;
		const raw = rawInsertsPerSecond();
		const ok = judge(
			`Payme Create+Perform over HTTP, ${fmt(PAIRS)} pairs in ${seconds.toFixed(2)} s (${IN_FLIGHT} in flight)`,
			perSecond,
			'pairs/s',
			raw,
			'raw inserts/s',
			TARGET_RATIO
		);
		console.log(
			`  = ${fmt((perSecond / raw) * REFERENCE_RAW_INSERTS_PER_S)} pairs/s scaled to the reference machine (target 1,000)`
		);
		// CPU time per pair holds better than pairs/s on a machine others load: it says what a
		// pair costs, not how much of the two cores this run got.
		console.log(
			`  CPU per pair: server ${((serverCpuMs / PAIRS) * 1000).toFixed(0)} µs, client ${((clientCpu.user + clientCpu.system) / PAIRS).toFixed(0)} µs (load average ${loadavg()[0].toFixed(1)})`
		);
		const db = openDatabase(join(t.dir, 'tok.sqlite'), { migrate: false });
		const mismatches = verifyLedger(db).mismatches.length;
		const entries = db.$client
			.prepare("select count(*) from ledger_entries where kind = 'payment'")
			.pluck()
			.get() as number;
		db.$client.close();
		const ledgerOk = mismatches === 0 && entries === PAIRS + 300;
		console.log(
			`  ledger: ${fmt(entries)} payment entries, ${mismatches} mismatches ${ledgerOk ? 'PASS' : 'FAIL'}`
		);
		return ok && ledgerOk;
	} finally {
		agent?.destroy();
		await server.stop();
		t.cleanup();
	}
}
