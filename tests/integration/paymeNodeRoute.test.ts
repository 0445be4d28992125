import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { once } from 'node:events';
import { tempDb } from './helpers/testDb';
import { anAccount } from './helpers/builders';
import { startBuiltServer } from './helpers/builtServer';

// `npm run serve` (server.js) answers Payme's JSON POSTs from Node's request, ahead of SvelteKit
// (src/lib/server/http/nodeRoutes.ts), for speed. Payme must not be able to tell: the same
// requests to server.js and to adapter-node's own server (`npm run serve`, through SvelteKit's
// route) on one database get the same status, headers and body.

const KEY = 'payme-node-route-key-5c1e';
const AUTH = `Basic ${Buffer.from(`Paycom:${KEY}`).toString('base64')}`;
// Behind a proxy: the caller's address is the last X-Forwarded-For hop, as adapter-node reads it.
const ENV = {
	PAYME_KEY: KEY,
	PAYME_ALLOWED_IPS: '185.234.113.0/28',
	ADDRESS_HEADER: 'x-forwarded-for',
	XFF_DEPTH: '1',
	ORIGIN: 'https://tok.example.uz'
};
const PAYME = '185.234.113.5';

let fast: Awaited<ReturnType<typeof startBuiltServer>>;
let kit: Awaited<ReturnType<typeof startBuiltServer>>;
let cleanup: () => void;
let accountNumber: string;

beforeAll(async () => {
	const t = tempDb();
	cleanup = t.cleanup;
	accountNumber = anAccount(t.db).number;
	t.db.$client.close();
	[fast, kit] = await Promise.all([
		startBuiltServer(t.dir, ENV),
		startBuiltServer(t.dir, ENV, [], 'build')
	]);
}, 120_000);
afterAll(async () => {
	await Promise.all([fast?.stop(), kit?.stop()]);
	cleanup?.();
});

interface Seen {
	status: number;
	headers: Record<string, string>;
	body: string;
}

async function post(
	baseURL: string,
	body: string,
	headers: Record<string, string> = {}
): Promise<Seen> {
	const response = await fetch(`${baseURL}/api/payments/payme`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			authorization: AUTH,
			'x-forwarded-for': `10.0.0.7, ${PAYME}`,
			'accept-encoding': 'identity',
			...headers
		},
		body
	});
	// fetch undoes the compression; the header still says what came over the wire.
	const text = await response.text();
	const seen: Record<string, string> = {};
	// The connection's own headers (date, keep-alive) say nothing about the answer.
	for (const [name, value] of response.headers)
		if (!['date', 'keep-alive', 'connection'].includes(name)) seen[name] = value;
	return { status: response.status, headers: seen, body: text };
}

const call = (id: number, method: string, params: unknown) =>
	JSON.stringify({ jsonrpc: '2.0', id, method, params });

/** The same request to both servers; what both answered, asserted equal. */
async function both(body: string, headers: Record<string, string> = {}): Promise<Seen> {
	const fromFast = await post(fast.baseURL, body, headers);
	const fromKit = await post(kit.baseURL, body, headers);
	expect(fromFast).toEqual(fromKit);
	return fromFast;
}

describe("Payme's calls answered ahead of SvelteKit (server.js)", () => {
	it('answers every refusal as SvelteKit does: status, headers and body', async () => {
		const refusals = [
			both('{"jsonrpc": "2.0", "id": 1, "method": '),
			both(call(2, 'CheckTransaction', { id: 'nope' })),
			both(call(3, 'CheckTransaction', { id: 'nope' }), { authorization: 'Basic AAAA' }),
			both(call(4, 'CheckTransaction', { id: 'nope' }), { 'x-forwarded-for': '203.0.113.9' }),
			both(
				'{"jsonrpc":"2.0","id":5,"method":"CheckPerformTransaction","params":{"amount":1e309,"account":{"account":"1"}}}'
			),
			both(call(6, 'CreateTransaction', { pad: 'x'.repeat(100_000) })),
			both(call(7, 'Nope', {}))
		];
		const codes = [];
		for (const answer of refusals) {
			const seen = await answer;
			expect(seen.status).toBe(200);
			expect(seen.headers['cache-control']).toBe('no-store');
			expect(seen.headers['strict-transport-security']).toMatch(/max-age=/);
			codes.push((JSON.parse(seen.body) as { error: { code: number } }).error.code);
		}
		expect(codes).toEqual([-32700, -31003, -32504, -32504, -31001, -32600, -32601]);
	});

	it('pays through either and reads the same transaction and statement from both', async () => {
		const started = Date.now();
		for (let i = 0; i < 12; i++) {
			const id = `noderoute${String(i).padStart(15, '0')}`;
			const server = i % 2 === 0 ? fast : kit;
			const created = await post(
				server.baseURL,
				call(i, 'CreateTransaction', {
					id,
					time: Date.now(),
					amount: 5_000_000,
					account: { account: accountNumber }
				})
			);
			expect(JSON.parse(created.body)).toMatchObject({ result: { state: 1 } });
			const performed = await post(server.baseURL, call(i, 'PerformTransaction', { id }));
			expect(JSON.parse(performed.body)).toMatchObject({ result: { state: 2 } });
			const checked = await both(call(i, 'CheckTransaction', { id }));
			expect(JSON.parse(checked.body)).toMatchObject({ result: { state: 2 } });
		}
		// Over a kilobyte: compressed, as hooks.server.ts compresses API answers.
		const statement = await both(
			call(99, 'GetStatement', { from: started - 60_000, to: Date.now() + 60_000 }),
			{ 'accept-encoding': 'br' }
		);
		expect(statement.headers['content-encoding']).toBe('br');
		expect(
			(JSON.parse(statement.body) as { result: { transactions: unknown[] } }).result.transactions
		).toHaveLength(12);
	});

	it('leaves other methods and other content types to SvelteKit', async () => {
		const get = await fetch(`${fast.baseURL}/api/payments/payme`);
		expect(((await get.json()) as { error: { code: number } }).error.code).toBe(-32300);
		const form = await fetch(`${fast.baseURL}/api/payments/payme`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: AUTH },
			body: 'a=1'
		});
		expect(form.status).toBe(403);
	});

	it('a connection that breaks halfway through the body writes nothing and the server keeps answering', async () => {
		const { port } = new URL(fast.baseURL);
		const body = call(50, 'CreateTransaction', {
			id: 'noderoutebroken000000001',
			time: Date.now(),
			amount: 5_000_000,
			account: { account: accountNumber }
		});
		for (let i = 0; i < 5; i++) {
			const socket = connect(Number(port), '127.0.0.1');
			await once(socket, 'connect');
			socket.write(
				`POST /api/payments/payme HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
					`Authorization: ${AUTH}\r\nX-Forwarded-For: ${PAYME}\r\nContent-Length: ${body.length}\r\n\r\n` +
					body.slice(0, 40)
			);
			await new Promise((resolve) => setTimeout(resolve, 20));
			socket.destroy();
		}
		const checked = await both(call(51, 'CheckTransaction', { id: 'noderoutebroken000000001' }));
		expect(JSON.parse(checked.body)).toMatchObject({ error: { code: -31003 } });
		expect(fast.running).toBe(true);
		expect(fast.log).not.toMatch(/Payme answer not sent|Error/);
	});
});
