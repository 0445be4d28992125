import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { FIXED_NOW, recordingJar, seededDb } from './helpers/testDb';
import { OneIdStandIn } from '../../src/lib/server/auth/oneid/standIn';
import { createOneIdClient, OneIdError } from '../../src/lib/server/auth/oneid/client';
import {
	beginOneIdSignIn,
	finishOneIdSignIn,
	OneIdSignInError,
	ONEID_STATE_TTL_MS
} from '../../src/lib/server/services/oneid';
import { DEMO_ONEID_CLIENT, DEMO_ONEID_PEOPLE } from '../../src/lib/server/seed/oneidPeople';
import { listAudit } from '../../src/lib/server/services/audit';
import { validateSessionToken } from '../../src/lib/server/auth/session';
import { createCaller } from '../../src/lib/server/trpc/root';
import { LiveHub } from '../../src/lib/server/sync/live';
import { signIn } from '../../src/lib/server/services/auth';
import type { Db } from '../../src/lib/server/db';

// OneID's protocol end to end over HTTP: Tok's client against the local stand-in on a port of its
// own, and the sign-in service on a real database.

const [DILNOZA, JASUR] = DEMO_ONEID_PEOPLE;
const REDIRECT = 'http://tok.test/login/oneid/callback';
const facts = {
	nowMs: FIXED_NOW,
	address: '198.51.100.7',
	userAgent: 'Mozilla/5.0 (Linux; Android 13) Chrome/120.0'
};

let db: Db;
let cleanup: () => void;
let standIn: OneIdStandIn;
let server: Awaited<ReturnType<OneIdStandIn['listen']>>;
let client: ReturnType<typeof createOneIdClient>;

beforeAll(async () => {
	({ db, cleanup } = await seededDb(5));
	standIn = new OneIdStandIn(DEMO_ONEID_PEOPLE, DEMO_ONEID_CLIENT, () => FIXED_NOW);
	server = await standIn.listen();
	client = createOneIdClient({ ...DEMO_ONEID_CLIENT, baseUrl: server.baseUrl, timeoutMs: 500 });
});
afterAll(async () => {
	await server.close();
	cleanup();
});
beforeEach(() => {
	standIn.nextAnswers.length = 0;
});

/** A begun sign-in and the code the stand-in gives after `person` chose to sign in. */
function begun(person = DILNOZA) {
	const { state, url } = beginOneIdSignIn(db, client, REDIRECT, FIXED_NOW);
	return { state, url, code: standIn.issueCode(person, REDIRECT) };
}

const finish = (
	b: { state: string; code: string },
	over: Partial<Parameters<typeof finishOneIdSignIn>[2]> = {},
	at = facts
) =>
	finishOneIdSignIn(
		db,
		client,
		{
			code: b.code,
			state: b.state,
			error: null,
			cookieState: b.state,
			redirectUri: REDIRECT,
			...over
		},
		at
	);

async function reason(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof OneIdSignInError || error instanceof OneIdError)
			return error instanceof OneIdSignInError ? error.reason : error.reason;
		if (error instanceof TRPCError) return error.message;
		throw error;
	}
	return 'signed in';
}

describe('the OneID client against the local stand-in', () => {
	it('sends the browser to OneID with one_code, the client, the redirect, the scope and the state', () => {
		const { state, url } = begun();
		const u = new URL(url);
		expect(u.pathname).toBe('/sso/oauth/Authorization.do');
		expect(Object.fromEntries(u.searchParams)).toEqual({
			response_type: 'one_code',
			client_id: DEMO_ONEID_CLIENT.clientId,
			redirect_uri: REDIRECT,
			scope: DEMO_ONEID_CLIENT.scope,
			state
		});
	});

	it('the stand-in page lists its people and sends the chosen one back with a code and the state', async () => {
		const { url, state } = begun();
		const page = await fetch(url.replace(/^http:\/\/127\.0\.0\.1:\d+/, server.baseUrl));
		expect(await page.text()).toContain('KARIMOVA DILNOZA');
		const form = new URLSearchParams({
			...Object.fromEntries(new URL(url).searchParams),
			person: 'dkarimova'
		});
		const back = await fetch(`${new URL(url).origin}${new URL(url).pathname}?${form}`, {
			redirect: 'manual'
		});
		expect(back.status).toBe(303);
		const location = new URL(back.headers.get('location')!);
		expect(location.origin + location.pathname).toBe(REDIRECT);
		expect(location.searchParams.get('state')).toBe(state);
		expect(location.searchParams.get('code')).toMatch(/^[0-9a-f]{32}$/);
	});

	it('signs a person in: code exchanged, person read, OneID token signed out, user keyed by PINFL', async () => {
		standIn.requests.length = 0;
		const first = await finish(begun());
		expect(standIn.requests.map((r) => r.grant_type)).toEqual([
			'one_authorization_code',
			'one_access_token_identify',
			'one_log_out'
		]);
		expect(standIn.requests[0]).toMatchObject({
			client_id: DEMO_ONEID_CLIENT.clientId,
			client_secret: DEMO_ONEID_CLIENT.clientSecret,
			redirect_uri: REDIRECT
		});
		expect(first.user.displayName).toBe('Dilnoza Karimova');
		expect(first.needsAccount).toBe(true);
		expect(validateSessionToken(db, first.token, FIXED_NOW)?.user.id).toBe(first.user.id);
		const again = await finish(begun());
		expect(again.user.id).toBe(first.user.id);
		const row = db.$client
			.prepare('select pinfl, password_hash from users where id = ?')
			.get(first.user.id) as { pinfl: string; password_hash: string };
		expect(row.pinfl).toBe(DILNOZA.pin);
		// No password opens a OneID user.
		await expect(
			signIn(db, { login: first.user.login, password: '!oneid' }, FIXED_NOW)
		).rejects.toThrow();
		const audit = listAudit(db, { limit: 5, event: 'oneid_sign_in', userId: first.user.id });
		expect(audit[0]).toMatchObject({ subject: '3************8', address: facts.address });
		expect(JSON.stringify(audit)).not.toContain(DILNOZA.pin);
	});

	it('refuses a state that is missing, not this browser’s, used before, or too old', async () => {
		const b = begun();
		expect(await reason(finish(b, { cookieState: null }))).toBe('error.oneid_state');
		expect(await reason(finish(b, { cookieState: 'another-browser' }))).toBe('error.oneid_state');
		const used = begun();
		await finish(used);
		expect(await reason(finish({ ...used, code: standIn.issueCode(DILNOZA, REDIRECT) }))).toBe(
			'error.oneid_state'
		);
		const old = begun();
		expect(
			await reason(finish(old, {}, { ...facts, nowMs: FIXED_NOW + ONEID_STATE_TTL_MS + 1 }))
		).toBe('error.oneid_state');
		const failures = listAudit(db, { limit: 20, event: 'sign_in_failed' });
		expect(failures.some((f) => f.detail.reason === 'error.oneid_state')).toBe(true);
	});

	it('a cancelled sign-in and an error from OneID are told apart', async () => {
		expect(await reason(finish(begun(), { code: null, error: 'access_denied' }))).toBe(
			'error.oneid_cancelled'
		);
		expect(await reason(finish(begun(), { code: null, error: 'server_error' }))).toBe(
			'error.oneid_refused'
		);
		expect(await reason(finish(begun(), { code: null }))).toBe('error.oneid_invalid_answer');
	});

	it('OneID’s error answers become "OneID refused": a used code, a wrong secret, error with status 200', async () => {
		const b = begun();
		await finish(b);
		// The same code again (with a fresh state): OneID says invalid_grant.
		const replay = beginOneIdSignIn(db, client, REDIRECT, FIXED_NOW);
		expect(await reason(finish({ state: replay.state, code: b.code }))).toBe('error.oneid_refused');
		const wrongSecret = createOneIdClient({
			...DEMO_ONEID_CLIENT,
			clientSecret: 'wrong',
			baseUrl: server.baseUrl
		});
		await expect(
			wrongSecret.exchangeCode(standIn.issueCode(DILNOZA, REDIRECT), REDIRECT)
		).rejects.toMatchObject({ reason: 'error.oneid_refused' });
		standIn.nextAnswers.push({
			status: 200,
			body: { error: 'invalid_request', error_description: 'bad' }
		});
		expect(await reason(finish(begun()))).toBe('error.oneid_refused');
	});

	it('HTTP errors, junk and answers without a PINFL are refused with their own reasons, never a sign-in', async () => {
		standIn.nextAnswers.push({ status: 502, body: '<html>Bad gateway</html>' });
		expect(await reason(finish(begun()))).toBe('error.oneid_unavailable');
		standIn.nextAnswers.push({ status: 200, body: 'not json {' });
		expect(await reason(finish(begun()))).toBe('error.oneid_invalid_answer');
		standIn.nextAnswers.push({ status: 200, body: { token_type: 'Bearer' } });
		expect(await reason(finish(begun()))).toBe('error.oneid_invalid_answer');
		standIn.nextAnswers.push({ status: 200, body: 'x'.repeat(200_000) });
		expect(await reason(finish(begun()))).toBe('error.oneid_invalid_answer');
		// The code goes through, then identify answers a person with a malformed PINFL.
		const b = begun();
		const token = await client.exchangeCode(b.code, REDIRECT);
		standIn.nextAnswers.push({ body: { ...DILNOZA, pin: '12345' } });
		await expect(client.identify(token)).rejects.toMatchObject({
			reason: 'error.oneid_invalid_answer'
		});
		standIn.nextAnswers.push({ body: [1, 2, 3] });
		await expect(client.identify(token)).rejects.toMatchObject({
			reason: 'error.oneid_invalid_answer'
		});
	});

	it('OneID not answering in time is a timeout; OneID not listening is "unavailable"', async () => {
		standIn.nextAnswers.push({ delayMs: 1_500, body: { access_token: 'late' } });
		const started = Date.now();
		expect(await reason(finish(begun()))).toBe('error.oneid_timeout');
		expect(Date.now() - started).toBeLessThan(1_400);
		const nowhere = createOneIdClient({ ...DEMO_ONEID_CLIENT, baseUrl: 'http://127.0.0.1:9' });
		await expect(nowhere.exchangeCode('x', REDIRECT)).rejects.toMatchObject({
			reason: 'error.oneid_unavailable'
		});
	});
});

describe('linking an account to a OneID sign-in', () => {
	async function oneIdCaller(person = DILNOZA) {
		const done = await finish(begun(person));
		return createCaller({
			db,
			user: done.user,
			session: recordingJar(done.token),
			now: () => FIXED_NOW,
			live: new LiveHub(),
			clientAddress: `203.0.113.${person === DILNOZA ? 1 : 2}`
		});
	}
	const districtOf = (number: string) =>
		(
			db.$client
				.prepare('select district_soato as d from accounts where number = ?')
				.get(number) as { d: string }
		).d;

	it('links the account whose holder has the PINFL OneID vouched for, and it is listed', async () => {
		const caller = await oneIdCaller();
		const result = await caller.oneid.link({
			districtSoato: districtOf('1726001001'),
			number: '1726001001'
		});
		expect(result.added).toBe(true);
		expect(result.account?.number).toBe('1726001001');
		expect((await caller.accounts.list()).map((a) => a.number)).toContain('1726001001');
		const again = await caller.oneid.link({
			districtSoato: districtOf('1726001001'),
			number: ' 1726001001 '
		});
		expect(again.added).toBe(false);
		const linked = listAudit(db, { limit: 1, event: 'oneid_linked' })[0];
		expect(linked).toMatchObject({ subject: '1726001001' });
		expect(JSON.stringify(linked)).not.toContain(DILNOZA.pin);
	});

	it('refuses another holder’s account, another district and an unknown number, each with its reason', async () => {
		const jasur = await oneIdCaller(JASUR);
		const refusal = async (input: { districtSoato: string; number: string }) => {
			try {
				await jasur.oneid.link(input);
				return 'linked';
			} catch (error) {
				return (error as TRPCError).message;
			}
		};
		expect(await refusal({ districtSoato: districtOf('1726001001'), number: '1726001001' })).toBe(
			'error.oneid_not_holder'
		);
		expect(await refusal({ districtSoato: districtOf('1726001003'), number: '1726001001' })).toBe(
			'error.oneid_wrong_district'
		);
		expect(await refusal({ districtSoato: districtOf('1726001001'), number: '9999999999' })).toBe(
			'error.oneid_no_account'
		);
		expect(await jasur.accounts.list()).toEqual([]);
		const refused = listAudit(db, { limit: 3, event: 'oneid_refused' }).map((r) => r.detail.reason);
		expect(refused).toEqual(['no_account', 'wrong_district', 'not_holder']);
	});

	it('after five refusals in a row, linking is refused for a while, however many are sent at once', async () => {
		const person = { ...JASUR, pin: '39999999999999', user_id: 'guesser' };
		const guesser = await finish(begun(person));
		const caller = createCaller({
			db,
			user: guesser.user,
			session: recordingJar(guesser.token),
			now: () => FIXED_NOW,
			live: new LiveHub(),
			clientAddress: '203.0.113.9'
		});
		const answers = await Promise.allSettled(
			Array.from({ length: 12 }, (_, i) =>
				caller.oneid.link({ districtSoato: '1726264', number: String(1726001001 + i) })
			)
		);
		const messages = answers.map((a) =>
			a.status === 'rejected' ? (a.reason as Error).message : 'linked'
		);
		expect(messages.filter((m) => m === 'error.too_many_attempts').length).toBeGreaterThanOrEqual(
			7
		);
		expect(messages).not.toContain('linked');
	});

	it('refuses junk input at the edge and a password user linking this way', async () => {
		const caller = await oneIdCaller();
		await expect(
			caller.oneid.link({ districtSoato: '17', number: '1726001001' })
		).rejects.toMatchObject({ code: 'BAD_REQUEST' });
		await expect(
			caller.oneid.link({ districtSoato: '1726264', number: '17260010x1' })
		).rejects.toMatchObject({ code: 'BAD_REQUEST' });
		await expect(
			caller.oneid.link({ districtSoato: '1726264', number: '1'.repeat(10_000) })
		).rejects.toMatchObject({ code: 'BAD_REQUEST' });
		const { token, user } = await signIn(db, { login: 'demo2', password: 'demo12345' }, FIXED_NOW);
		const demo2 = createCaller({
			db,
			user,
			session: recordingJar(token),
			now: () => FIXED_NOW,
			live: new LiveHub()
		});
		await expect(
			demo2.oneid.link({ districtSoato: districtOf('1726001003'), number: '1726001003' })
		).rejects.toMatchObject({ message: 'error.oneid_required' });
	});
});
