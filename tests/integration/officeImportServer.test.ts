import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededDb } from './helpers/testDb';
import { startBuiltServer } from './helpers/builtServer';
import { signIn } from '../../src/lib/server/services/auth';

// The readings import over real HTTP (`npm run serve`): a file refused at its first line must
// still get its answer. Refusing while the browser was still sending made Node reset the
// connection, and the operator read "no connection" instead of "wrong header".

let seeded: Awaited<ReturnType<typeof seededDb>>;
let server: Awaited<ReturnType<typeof startBuiltServer>>;
let cookie: string;

beforeAll(async () => {
	seeded = await seededDb(1);
	cookie = `tok_session=${(await signIn(seeded.db, { login: 'operator', password: 'operate12345' }, Date.now())).token}`;
	server = await startBuiltServer(seeded.dir);
}, 120_000);
afterAll(async () => {
	await server?.stop();
	seeded?.cleanup();
});

const upload = (body: string) =>
	fetch(`${server.baseURL}/api/office/readings/import`, {
		method: 'POST',
		headers: { 'content-type': 'text/csv', cookie, origin: server.baseURL },
		body
	});

describe('the readings import over HTTP', () => {
	it('a big file with a wrong header gets its refusal, not a broken connection, every time', async () => {
		const wrong = `serial;day;value\n${'X;2026-09-01;1\n'.repeat(150_000)}`;
		expect(wrong.length).toBeGreaterThan(2_000_000);
		for (let i = 0; i < 5; i++) {
			const response = await upload(wrong);
			expect(response.status).toBe(400);
			expect(await response.json()).toMatchObject({ error: 'error.import_bad_header' });
		}
		expect(server.running).toBe(true);
	});
});
