import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededDb } from './helpers/testDb';
import { startBuiltServer } from './helpers/builtServer';
import { chooseEncoding } from '../../src/lib/server/http/compression';

// A first pull of two accounts was 60 kB on the wire uncompressed. The real server (`npm run serve`)
// answers the API compressed when asked; fetch() would decompress silently, so raw HTTP here.

const TOKEN = 'compression-token';
let server: Awaited<ReturnType<typeof startBuiltServer>>;
let cleanup: () => void;
let cookie = '';

function raw(
	path: string,
	headers: Record<string, string>,
	body?: string,
	stopAfterMs?: number
): Promise<{
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}> {
	return new Promise((resolve, reject) => {
		const url = new URL(path, server.baseURL);
		const req = request(url, { method: body === undefined ? 'GET' : 'POST', headers }, (res) => {
			const chunks: Buffer[] = [];
			const done = () =>
				resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) });
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', done);
			if (stopAfterMs)
				setTimeout(() => {
					req.destroy();
					done();
				}, stopAfterMs);
		});
		req.on('error', (e) => (stopAfterMs ? undefined : reject(e)));
		req.end(body);
	});
}

const PULL = `/api/trpc/sync.pull?input=${encodeURIComponent(JSON.stringify({ protocol: 1, cursor: null, limit: 500 }))}`;

beforeAll(async () => {
	const t = await seededDb(5);
	cleanup = t.cleanup;
	t.db.$client.close();
	server = await startBuiltServer(t.dir, { INGEST_TOKEN: TOKEN });
	const signIn = await fetch(`${server.baseURL}/api/trpc/auth.signIn`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ login: 'demo', password: 'demo12345' })
	});
	cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
}, 60_000);
afterAll(async () => {
	await server?.stop();
	cleanup?.();
});

describe('compressed answers', () => {
	it('a first pull comes brotli- or gzip-compressed as asked, and the same JSON as uncompressed', async () => {
		const plain = await raw(PULL, { cookie });
		expect(plain.status).toBe(200);
		expect(plain.headers['content-encoding']).toBeUndefined();
		const br = await raw(PULL, { cookie, 'accept-encoding': 'gzip, deflate, br' });
		expect(br.headers['content-encoding']).toBe('br');
		expect(br.headers['vary']).toMatch(/accept-encoding/i);
		// The same rows (the answer also carries the server's clock, which moves between calls).
		const rows = (body: Buffer) => JSON.parse(body.toString()).result.data.changes;
		expect(rows(brotliDecompressSync(br.body))).toEqual(rows(plain.body));
		const gz = await raw(PULL, { cookie, 'accept-encoding': 'gzip' });
		expect(gz.headers['content-encoding']).toBe('gzip');
		expect(rows(gunzipSync(gz.body))).toEqual(rows(plain.body));
		expect(br.body.length).toBeLessThan(plain.body.length / 4);
		expect(gz.body.length).toBeLessThan(plain.body.length / 4);
	});

	it('ingestion reports are compressed too', async () => {
		const rows = Array.from({ length: 200 }, (_, i) => `NOPE${i},2026-10-31,1.000`);
		const res = await raw(
			'/api/ingest/readings',
			{
				authorization: `Bearer ${TOKEN}`,
				'content-type': 'text/csv',
				'accept-encoding': 'gzip'
			},
			['meter,date,kwh', ...rows].join('\n')
		);
		expect(res.status).toBe(200);
		expect(res.headers['content-encoding']).toBe('gzip');
		expect(JSON.parse(gunzipSync(res.body).toString()).rejected).toBeGreaterThan(0);
	});

	it('sync.live streams its pokes uncompressed, so none waits in a compressor', async () => {
		const live = await raw(
			`/api/trpc/sync.live?input=${encodeURIComponent('{"protocol":1}')}`,
			{ cookie, 'accept-encoding': 'gzip, br' },
			undefined,
			500
		);
		expect(live.headers['content-type']).toMatch(/text\/event-stream/);
		expect(live.headers['content-encoding']).toBeUndefined();
		expect(live.body.toString()).toContain('poke');
	});

	it('honours q=0 and identity', () => {
		expect(chooseEncoding('gzip, br;q=0')).toBe('gzip');
		expect(chooseEncoding('br;q=0, gzip;q=0')).toBeNull();
		expect(chooseEncoding('identity')).toBeNull();
		expect(chooseEncoding('*')).toBe('br');
		expect(chooseEncoding(null)).toBeNull();
	});
});
