import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBuiltServer } from './helpers/builtServer';
import { OneIdStandIn } from '../../src/lib/server/auth/oneid/standIn';
import { DEMO_ONEID_CLIENT, DEMO_ONEID_PEOPLE } from '../../src/lib/server/seed/oneidPeople';

// The built server (`npm run serve`) over HTTP: OneID off unless configured, no stand-in of its own,
// and the whole redirect dance with the state cookie against a stand-in on a port of its own.

type Server = Awaited<ReturnType<typeof startBuiltServer>>;
const dirs: string[] = [];
const servers: Server[] = [];
const freshDir = () => {
	const dir = mkdtempSync(join(tmpdir(), 'tok-oneid-'));
	dirs.push(dir);
	return dir;
};
async function start(env: Record<string, string> = {}) {
	const server = await startBuiltServer(freshDir(), env);
	servers.push(server);
	return server;
}
afterAll(async () => {
	for (const s of servers) await s.stop();
	for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const cookieOf = (response: Response, name: string) =>
	response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.find((c) => c.startsWith(`${name}=`));

describe('OneID unconfigured (npm run serve, no ONEID_*)', () => {
	let server: Server;
	beforeAll(async () => {
		server = await start({
			ONEID_BASE_URL: '',
			ONEID_CLIENT_ID: '',
			ONEID_CLIENT_SECRET: '',
			TOK_DEMO: ''
		});
	});

	it('has no stand-in under /sandbox, offers no OneID button, and its start leads back to sign-in', async () => {
		const sandbox = await fetch(
			`${server.baseURL}/sandbox/oneid/sso/oauth/Authorization.do?response_type=one_code`
		);
		expect(sandbox.status).toBe(404);
		const methods = await fetch(`${server.baseURL}/api/trpc/auth.methods`).then((r) => r.json());
		expect(methods.result.data).toEqual({ oneid: false });
		const startAnswer = await fetch(`${server.baseURL}/login/oneid`, { redirect: 'manual' });
		expect(startAnswer.status).toBe(303);
		expect(startAnswer.headers.get('location')).toBe('/login?oneid=oneid_unconfigured');
	});
});

describe('OneID configured against a stand-in of its own', () => {
	let server: Server;
	let standIn: OneIdStandIn;
	let oneid: Awaited<ReturnType<OneIdStandIn['listen']>>;
	beforeAll(async () => {
		standIn = new OneIdStandIn(DEMO_ONEID_PEOPLE, DEMO_ONEID_CLIENT);
		oneid = await standIn.listen();
		server = await start({
			ONEID_BASE_URL: oneid.baseUrl,
			ONEID_CLIENT_ID: DEMO_ONEID_CLIENT.clientId,
			ONEID_CLIENT_SECRET: DEMO_ONEID_CLIENT.clientSecret,
			TOK_DEMO: ''
		});
	});
	afterAll(() => oneid.close());

	async function toOneId() {
		const begin = await fetch(`${server.baseURL}/login/oneid`, { redirect: 'manual' });
		expect(begin.status).toBe(303);
		const cookie = cookieOf(begin, 'tok_oneid_state')!;
		const to = new URL(begin.headers.get('location')!);
		return { cookie, to };
	}
	async function chooseAtOneId(to: URL, person = 'dkarimova') {
		const chosen = await fetch(
			`${to.origin}${to.pathname}?${new URLSearchParams({ ...Object.fromEntries(to.searchParams), person })}`,
			{ redirect: 'manual' }
		);
		return new URL(chosen.headers.get('location')!);
	}

	it('signs in: start → OneID → callback with the state cookie → a session, and the page is told to link', async () => {
		const methods = await fetch(`${server.baseURL}/api/trpc/auth.methods`).then((r) => r.json());
		expect(methods.result.data).toEqual({ oneid: true });
		const { cookie, to } = await toOneId();
		expect(cookie).toMatch(/^tok_oneid_state=.+/);
		expect(to.origin).toBe(oneid.baseUrl);
		expect(to.searchParams.get('redirect_uri')).toBe(`${server.baseURL}/login/oneid/callback`);
		const back = await chooseAtOneId(to);
		const callback = await fetch(back, { headers: { cookie }, redirect: 'manual' });
		expect(callback.headers.get('location')).toBe('/login?oneid=link');
		const session = cookieOf(callback, 'tok_session');
		expect(session).toBeDefined();
		const me = await fetch(`${server.baseURL}/api/trpc/auth.me`, {
			headers: { cookie: session! }
		}).then((r) => r.json());
		expect(me.result.data.user.displayName).toBe('Dilnoza Karimova');
		// The same callback again (a replayed URL, the cookie still held): the state was used once.
		const replay = await fetch(back, { headers: { cookie }, redirect: 'manual' });
		expect(replay.headers.get('location')).toBe('/login?oneid=oneid_state');
		expect(cookieOf(replay, 'tok_session')).toBeUndefined();
	});

	it('a callback without this browser’s state cookie signs nobody in', async () => {
		const { to } = await toOneId();
		const back = await chooseAtOneId(to);
		const callback = await fetch(back, { redirect: 'manual' });
		expect(callback.headers.get('location')).toBe('/login?oneid=oneid_state');
		expect(cookieOf(callback, 'tok_session')).toBeUndefined();
	});

	it('cancelling at OneID, and OneID being down, come back to sign-in with their reason', async () => {
		const first = await toOneId();
		const cancelled = await chooseAtOneId(first.to, '');
		const answer = await fetch(cancelled, {
			headers: { cookie: first.cookie },
			redirect: 'manual'
		});
		expect(answer.headers.get('location')).toBe('/login?oneid=oneid_cancelled');
		const second = await toOneId();
		const back = await chooseAtOneId(second.to);
		standIn.nextAnswers.push({ status: 503, body: 'down' });
		const down = await fetch(back, { headers: { cookie: second.cookie }, redirect: 'manual' });
		expect(down.headers.get('location')).toBe('/login?oneid=oneid_unavailable');
	});

	it('junk in the callback never answers 500', async () => {
		for (const query of [
			'',
			'?state=',
			'?code=x&state=%FF',
			`?code=${'x'.repeat(10_000)}&state=y`,
			'?error=<script>'
		]) {
			const answer = await fetch(`${server.baseURL}/login/oneid/callback${query}`, {
				redirect: 'manual'
			});
			expect(answer.status).toBe(303);
		}
	});
});
