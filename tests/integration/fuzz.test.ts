import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { seededDb } from './helpers/testDb';
import { startBuiltServer } from './helpers/builtServer';
import { appRouter } from '../../src/lib/server/trpc/root';

// Attacks the real server (`npm run serve` on a copy of the demo data) with inputs generated from
// every procedure's own schema, bent and broken, and with raw junk no client would send. Whatever
// comes in, the answer is never a 500, the server keeps answering, and the ledger still adds up.

const TOKEN = 'fuzz-ingest-token';
let server: Awaited<ReturnType<typeof startBuiltServer>>;
let dataDir: string;
let cleanup: () => void;
const cookies: Record<'demo' | 'operator', string> = { demo: '', operator: '' };
const statuses = new Map<number, number>();

type Json = unknown;
type Schema = Record<string, unknown>;

/** Values near what a schema accepts: right shapes with odd contents, and the wrong shapes. */
function fromSchema(schema: Schema, depth = 0): fc.Arbitrary<Json> {
	const any = fc.jsonValue({ maxDepth: 2 });
	if (depth > 4) return any;
	const alts: fc.Arbitrary<Json>[] = [];
	if ('const' in schema) alts.push(fc.constant(schema.const));
	if (Array.isArray(schema.enum)) alts.push(fc.constantFrom(...(schema.enum as Json[])));
	for (const key of ['anyOf', 'oneOf', 'allOf'])
		if (Array.isArray(schema[key]))
			alts.push(...(schema[key] as Schema[]).map((s) => fromSchema(s, depth + 1)));
	const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
	for (const type of types) {
		if (type === 'object') {
			const props = (schema.properties ?? {}) as Record<string, Schema>;
			const record = Object.fromEntries(
				Object.entries(props).map(([k, s]) => [k, fromSchema(s, depth + 1)])
			);
			alts.push(fc.record(record, { requiredKeys: (schema.required as string[]) ?? [] }));
		} else if (type === 'array') {
			const items = (schema.items ?? {}) as Schema;
			alts.push(fc.array(fromSchema(items, depth + 1), { maxLength: 20 }));
		} else if (type === 'string') {
			alts.push(
				schema.format === 'uuid' ? fc.uuid() : fc.string({ maxLength: 80 }),
				fc.constantFrom(
					'',
					'2026-10',
					'2026-10-31',
					'2026-99-99',
					'0000-01',
					'1726001003',
					'demo',
					'12.345',
					'-1',
					'9'.repeat(40),
					'\u0000',
					'\ud800',
					'<script>',
					"' or 1=1 --"
				),
				fc.string({ minLength: 300, maxLength: 5000 })
			);
		} else if (type === 'integer' || type === 'number') {
			alts.push(
				fc.integer({
					min: typeof schema.minimum === 'number' ? schema.minimum : -1e6,
					max: typeof schema.maximum === 'number' ? schema.maximum : 1e6
				}),
				fc.constantFrom(0, -1, 2 ** 53, -(2 ** 53), 1.5, 1e308),
				fc.double()
			);
		} else if (type === 'boolean') alts.push(fc.boolean());
		else if (type === 'null') alts.push(fc.constant(null));
	}
	if (alts.length === 0) alts.push(any);
	// Mostly shaped like the schema; sometimes anything at all.
	return fc.oneof({ arbitrary: fc.oneof(...alts), weight: 4 }, { arbitrary: any, weight: 1 });
}

async function send(path: string, init: RequestInit = {}) {
	const res = await fetch(`${server.baseURL}${path}`, init);
	await res.arrayBuffer();
	statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
	return res.status;
}

const randomAddress = fc
	.tuple(fc.nat(255), fc.nat(255), fc.nat(255))
	.map(([a, b, c]) => `10.${a}.${b}.${c}`);

beforeAll(async () => {
	const t = await seededDb(5);
	dataDir = t.dir;
	cleanup = t.cleanup;
	t.db.$client.close();
	// Each request says where it comes from, so that sign-in limits per address do not slow the
	// run down (they are tested in credentialLimits.test.ts).
	server = await startBuiltServer(dataDir, {
		INGEST_TOKEN: TOKEN,
		ADDRESS_HEADER: 'x-forwarded-for',
		XFF_DEPTH: '1'
	});
	for (const [who, password] of [
		['demo', 'demo12345'],
		['operator', 'operate12345']
	] as const) {
		const res = await fetch(`${server.baseURL}/api/trpc/auth.signIn`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.10' },
			body: JSON.stringify({ login: who, password })
		});
		cookies[who] = (res.headers.get('set-cookie') ?? '').split(';')[0];
	}
}, 60_000);

afterAll(async () => {
	await server?.stop();
	cleanup?.();
});

describe('fuzzing the running server', () => {
	it('signed in as demo and as operator, to attack from inside too', () => {
		expect(cookies.demo).toMatch(/=/);
		expect(cookies.operator).toMatch(/=/);
	});

	const procedures = Object.entries(appRouter._def.procedures as unknown as object) as Array<
		[string, { _def: { type: string; inputs: z.ZodType[] } }]
	>;
	it('every procedure, with inputs from its own schema, bent and broken: never a 500', async () => {
		let calls = 0;
		for (const [path, procedure] of procedures) {
			const { type, inputs } = procedure._def;
			if (type === 'subscription') continue;
			const schema = inputs[0]
				? (z.toJSONSchema(inputs[0], { io: 'input', unrepresentable: 'any' }) as Schema)
				: {};
			// Password checks cost an argon2 hash each: fewer of them.
			const numRuns = path === 'auth.signIn' || path === 'accounts.link' ? 6 : 20;
			await fc.assert(
				fc.asyncProperty(
					fromSchema(schema),
					fc.constantFrom('', cookies.demo, cookies.operator, 'tok_session=forged'),
					randomAddress,
					async (input, cookie, address) => {
						const headers: Record<string, string> = { 'x-forwarded-for': address };
						if (cookie) headers.cookie = cookie;
						let status: number;
						if (type === 'query') {
							const q =
								input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
							status = await send(`/api/trpc/${path}${q}`, { headers });
						} else {
							headers['content-type'] = 'application/json';
							status = await send(`/api/trpc/${path}`, {
								method: 'POST',
								headers,
								body: JSON.stringify(input)
							});
						}
						calls++;
						expect(status, `${path} ${JSON.stringify(input)?.slice(0, 200)}`).toBeLessThan(500);
					}
				),
				{ numRuns, seed: 11 }
			);
		}
		expect(calls).toBeGreaterThan(100);
	}, 60_000);

	it('raw junk: huge and deep bodies, bad UTF-8, wrong content types, batch abuse', async () => {
		const json = { 'content-type': 'application/json', cookie: cookies.demo };
		const deep = '['.repeat(100_000) + ']'.repeat(100_000);
		const junk: Array<[string, RequestInit]> = [
			['/api/trpc/auth.signIn', { method: 'POST', headers: json, body: 'x'.repeat(20_000_000) }],
			['/api/trpc/sync.push', { method: 'POST', headers: json, body: deep }],
			['/api/trpc/sync.push', { method: 'POST', headers: json, body: `{"a":${deep}}` }],
			[
				'/api/trpc/auth.signIn',
				{ method: 'POST', headers: json, body: Buffer.from([0x7b, 0xff, 0xfe, 0xc3, 0x7d]) }
			],
			[
				'/api/trpc/auth.signIn',
				{
					method: 'POST',
					headers: { 'content-type': 'text/plain' },
					body: '{"login":"demo","password":"demo12345"}'
				}
			],
			[
				'/api/trpc/sync.push',
				{
					method: 'POST',
					headers: { ...json, 'content-type': 'multipart/form-data; boundary=x' },
					body: '--x\r\n\r\n--x--'
				}
			],
			[
				'/api/trpc/sync.push',
				{
					method: 'POST',
					headers: { ...json, 'content-type': 'application/x-www-form-urlencoded' },
					body: 'a=1&b=2'
				}
			],
			['/api/trpc/sync.push', { method: 'POST', headers: json, body: 'null' }],
			['/api/trpc/sync.push', { method: 'POST', headers: json }],
			['/api/trpc/sync.push', { method: 'GET', headers: json }],
			['/api/trpc/accounts.list', { method: 'POST', headers: json, body: '{}' }],
			['/api/trpc/accounts.list', { method: 'PUT', headers: json, body: '{}' }],
			['/api/trpc/accounts.list', { method: 'DELETE', headers: json }],
			['/api/trpc/accounts.list', { method: 'OPTIONS' }],
			[`/api/trpc/${Array(11).fill('accounts.list').join(',')}?batch=1`, { headers: json }],
			[`/api/trpc/${Array(1001).fill('auth.me').join(',')}?batch=1`, { headers: json }],
			[
				'/api/trpc/auth.me,auth.signIn?batch=1',
				{ method: 'POST', headers: json, body: '{"0":{},"1":{}}' }
			],
			['/api/trpc/accounts.list,nope.nothing?batch=1', { headers: json }],
			['/api/trpc/,,,?batch=1', { headers: json }],
			['/api/trpc/accounts.list?batch=1&input=%7B%220%22%3A5', { headers: json }],
			['/api/trpc/accounts.list?batch=1&input=[1,2,3]', { headers: json }],
			['/api/trpc/%E0%A4%A?batch=1', { headers: json }],
			[
				'/api/trpc/sync.pull?input=' +
					encodeURIComponent('{"protocol":1,"cursor":"' + 'z'.repeat(6000) + '"}'),
				{ headers: json }
			],
			['/api/trpc/auth.me', { headers: { cookie: 'tok_session=' + 'A'.repeat(4000) } }],
			['/api/trpc/__proto__', { headers: json }],
			['/api/trpc/constructor.prototype', { headers: json }],
			['/api/trpc/sync.live?input=%7B%22protocol%22%3A%22x%22%7D', { headers: json }],
			[
				'/api/ingest/readings',
				{ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }
			],
			[
				'/api/ingest/readings',
				{
					method: 'POST',
					headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
					body: deep
				}
			],
			[
				'/api/ingest/readings',
				{
					method: 'POST',
					headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/csv' },
					body: Buffer.from([0xff, 0xfe, 0x2c, 0x0a])
				}
			],
			[
				'/api/ingest/readings',
				{
					method: 'POST',
					headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/csv' },
					body: 'meter,date,kwh\n' + ','.repeat(100_000)
				}
			],
			[
				'/api/ingest/readings',
				{
					method: 'POST',
					headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/xml' },
					body: '<a/>'
				}
			],
			['/api/ingest/readings', { method: 'GET', headers: { authorization: `Bearer ${TOKEN}` } }],
			['/nope/../../etc/passwd', {}],
			['/%00', {}],
			['/' + 'a/'.repeat(2000), {}]
		];
		for (const [path, init] of junk) {
			const status = await send(path, init).catch((e: Error) => {
				// The server may cut a body it will not read (413) before the client has sent it all.
				if (/fetch failed|other side closed|ECONNRESET|EPIPE/i.test(String(e.cause ?? e)))
					return 413;
				throw e;
			});
			expect(
				status,
				`${init.method ?? 'GET'} ${path.slice(0, 120)}\n${server.log.slice(-2000)}`
			).toBeLessThan(500);
		}

		const ingestRow = fc.record({
			meter: fc.oneof(
				fc.constantFrom('SM00001001', 'sm00001001', ''),
				fc.string({ maxLength: 20 })
			),
			date: fc.oneof(
				fc.constantFrom('2026-10-31', '2026-02-30', '2026-99-99'),
				fc.string({ maxLength: 12 })
			),
			kwh: fc.oneof(
				fc.constantFrom('19508.000', '-1', '1e9', '99999999.000'),
				fc.string({ maxLength: 14 }),
				fc.double()
			)
		});
		await fc.assert(
			fc.asyncProperty(
				fc.array(ingestRow, { maxLength: 30 }),
				fc.boolean(),
				async (rows, asCsv) => {
					const body = asCsv
						? ['meter,date,kwh', ...rows.map((r) => `${r.meter},${r.date},${String(r.kwh)}`)].join(
								'\n'
							)
						: JSON.stringify({ readings: rows });
					const status = await send('/api/ingest/readings', {
						method: 'POST',
						headers: {
							authorization: `Bearer ${TOKEN}`,
							'content-type': asCsv ? 'text/csv' : 'application/json'
						},
						body
					});
					expect(status).toBeLessThan(500);
				}
			),
			{ numRuns: 30, seed: 11 }
		);
	}, 60_000);

	it('afterwards the server still answers, and every balance still equals its ledger', async () => {
		expect(server.running).toBe(true);
		expect(await send('/login')).toBe(200);
		// The fuzzed calls signed the demo session out; a fresh sign-in still works end to end.
		const signIn = await fetch(`${server.baseURL}/api/trpc/auth.signIn`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.99' },
			body: JSON.stringify({ login: 'demo', password: 'demo12345' })
		});
		expect(signIn.status).toBe(200);
		const me = await fetch(`${server.baseURL}/api/trpc/accounts.list`, {
			headers: { cookie: (signIn.headers.get('set-cookie') ?? '').split(';')[0] }
		});
		expect(me.status).toBe(200);
		expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
		await server.stop();
		const verify = spawnSync(
			process.execPath,
			['--import', 'tsx', 'src/lib/server/cli/ledgerVerify.ts'],
			{ env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' }
		);
		expect(verify.stdout).toContain('Ledger OK');
		expect(verify.status).toBe(0);
	}, 60_000);
});
