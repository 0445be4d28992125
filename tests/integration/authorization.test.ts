import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { callerAs, anonymousCaller, FIXED_NOW, seededDb } from './helpers/testDb';
import { aDevice } from './helpers/commands';
import { appRouter } from '../../src/lib/server/trpc/root';
import { createUser } from '../../src/lib/server/services/auth';
import { userAccounts } from '../../src/lib/server/db/schema';
import { SYNC_PROTOCOL } from '../../src/lib/domain/sync/protocol';
import { POST as ingestPost } from '../../src/routes/api/ingest/readings/+server';
import { POST as paymePost } from '../../src/routes/api/payments/payme/+server';
import { POST as paynetPost } from '../../src/routes/api/payments/paynet/+server';
import { POST as uzumPost } from '../../src/routes/api/payments/uzum/[operation]/+server';
import { POST as osonNotifyPost } from '../../src/routes/api/payments/oson/notify/+server';
import { POST as osonCreatePost } from '../../src/routes/sandbox/oson/api/invoice/create/+server';
import { POST as osonStatusPost } from '../../src/routes/sandbox/oson/api/invoice/status/+server';
import { createHash } from 'node:crypto';
import { POST as smsInboundPost } from '../../src/routes/api/sms/inbound/+server';
import { GET as trpcGet, POST as trpcPost } from '../../src/routes/api/trpc/[...trpc]/+server';
import type { Db } from '../../src/lib/server/db';
import type { SessionUser } from '../../src/lib/server/auth/session';

// Who may call what, as one table: every tRPC procedure of the real router × every kind of
// caller, each cell allow or deny. A procedure without a row fails the first test, so a new
// procedure cannot ship without saying who may call it.
//
// Objects: every object in a row belongs to `resident` (demo2 and its one account 1726001003);
// `otherResident` (demo, with accounts of its own) calling with it is the foreign-object case.
// allow = the call got past authorization (a result, or a business-rule refusal such as
// "the last account stays"); deny = UNAUTHORIZED or FORBIDDEN, or for sync the foreign account's
// command refused and its rows not sent.

const ACTORS = ['anonymous', 'resident', 'otherResident', 'inspector', 'operator'] as const;
type Actor = (typeof ACTORS)[number];
type Cell = 'allow' | 'deny';
type Caller = ReturnType<typeof anonymousCaller>;

interface Row {
	/** allow/deny per actor, in ACTORS order. */
	cells: Record<Actor, Cell>;
	call: (caller: Caller) => Promise<unknown>;
	/** For calls that answer instead of throwing: did the answer give the actor the object? */
	judge?: (result: unknown) => Cell;
}

const onlyResidents = {
	anonymous: 'deny',
	resident: 'allow',
	otherResident: 'allow',
	inspector: 'deny',
	operator: 'deny'
} as const;
const onlyOwner = { ...onlyResidents, otherResident: 'deny' } as const;
const everyone = {
	anonymous: 'allow',
	resident: 'allow',
	otherResident: 'allow',
	inspector: 'allow',
	operator: 'allow'
} as const;
const signedIn = { ...everyone, anonymous: 'deny' } as const;
const onlyOperator = {
	anonymous: 'deny',
	resident: 'deny',
	otherResident: 'deny',
	inspector: 'deny',
	operator: 'allow'
} as const;

let db: Db;
let cleanup: () => void;
let ownAccount: number;
let spareAccount: number;
let linkTarget: { login: string; password: string };
const callers = {} as Record<Actor, Caller>;

let resets = 0;
const NO_REQUEST = '01900000-0000-7000-8000-000000000000';

const ROWS: Record<string, Row> = {
	'auth.signIn': {
		cells: everyone,
		call: (c) => c.auth.signIn({ login: 'matrix-signin', password: 'matrix-12345' })
	},
	'auth.signOut': { cells: everyone, call: (c) => c.auth.signOut() },
	'auth.me': { cells: everyone, call: (c) => c.auth.me() },
	'auth.requestPasswordReset': {
		cells: everyone,
		call: (c) => c.auth.requestPasswordReset({ identifier: `matrix-nobody-${++resets}` })
	},
	'accounts.list': { cells: onlyResidents, call: (c) => c.accounts.list() },
	'accounts.byId': {
		cells: onlyOwner,
		call: (c) => c.accounts.byId({ accountId: ownAccount })
	},
	'accounts.link': {
		cells: onlyResidents,
		// Taken off again at once, so that the other rows see each resident's accounts as seeded.
		call: async (c) => {
			const result = await c.accounts.link(linkTarget);
			await c.accounts.unlink({ accountId: spareAccount });
			return result;
		}
	},
	'accounts.unlink': {
		cells: onlyOwner,
		call: (c) => c.accounts.unlink({ accountId: ownAccount })
	},
	'sync.push': {
		cells: onlyOwner,
		call: (c) => {
			const device = aDevice();
			return c.sync.push(device.push([device.createRequest(ownAccount).command]));
		},
		judge: (r) =>
			(r as { results: Array<{ status: string }> }).results[0].status === 'applied'
				? 'allow'
				: 'deny'
	},
	'sync.pull': {
		cells: onlyOwner,
		call: (c) => c.sync.pull({ protocol: SYNC_PROTOCOL, cursor: null, limit: 500 }),
		judge: (r) =>
			(r as { changes: Array<{ table: string; op: string; row?: { id: unknown } }> }).changes.some(
				(ch) => ch.table === 'accounts' && ch.op === 'put' && ch.row?.id === ownAccount
			)
				? 'allow'
				: 'deny'
	},
	'sync.live': {
		cells: signedIn,
		call: async (c) => {
			const stream = await c.sync.live({ protocol: SYNC_PROTOCOL });
			await (stream as AsyncIterableIterator<unknown>).return?.();
		}
	},
	'office.audit.list': { cells: onlyOperator, call: (c) => c.office.audit.list({ limit: 5 }) },
	'office.sms.list': { cells: onlyOperator, call: (c) => c.office.sms.list({ limit: 5 }) },
	'office.tariffs.publish': { cells: onlyOperator, call: (c) => c.office.tariffs.publish({}) },
	'office.tariffs.withdraw': {
		cells: onlyOperator,
		call: (c) => c.office.tariffs.withdraw({ id: 'no-such-version' })
	},
	'office.readings.suspects': { cells: onlyOperator, call: (c) => c.office.readings.suspects({}) },
	'office.readings.accept': {
		cells: onlyOperator,
		call: (c) => c.office.readings.accept({ suspectId: 999_999 })
	},
	'office.readings.correct': {
		cells: onlyOperator,
		call: (c) => c.office.readings.correct({ suspectId: 999_999, kwh: '100' })
	},
	'office.requests.list': { cells: onlyOperator, call: (c) => c.office.requests.list({}) },
	'office.requests.setStatus': {
		cells: onlyOperator,
		call: (c) =>
			c.office.requests.setStatus({ requestId: NO_REQUEST, status: 'accepted', reason: null })
	},
	'office.requests.remove': {
		cells: onlyOperator,
		call: (c) => c.office.requests.remove({ requestId: NO_REQUEST })
	},
	'tariffs.list': { cells: everyone, call: (c) => c.tariffs.list() },
	'tariffs.rateMonth': {
		cells: everyone,
		call: (c) =>
			c.tariffs.rateMonth({ tariffClass: 'household', month: '2026-10', usageKwh: '150' })
	},
	'billing.run': { cells: onlyOperator, call: (c) => c.billing.run({ month: '2026-09' }) }
};

async function outcome(row: Row, caller: Caller): Promise<Cell> {
	try {
		const result = await row.call(caller);
		return row.judge ? row.judge(result) : 'allow';
	} catch (error) {
		if (!(error instanceof TRPCError)) throw error;
		if (error.code === 'UNAUTHORIZED' || error.code === 'FORBIDDEN') return 'deny';
		// Past authorization, refused by a rule of the business or of the input: allowed to ask.
		return 'allow';
	}
}

beforeAll(async () => {
	const seeded = await seededDb(5);
	({ db, cleanup } = seeded);
	// The HTTP endpoints open the server's database (DATA_DIR) as in production: this one.
	process.env.DATA_DIR = seeded.dir;
	const id = (sql: string, v: string) => (db.$client.prepare(sql).get(v) as { id: number }).id;
	ownAccount = id('select id from accounts where number = ?', '1726001003');
	await createUser(
		db,
		{ login: 'matrix-signin', password: 'matrix-12345', role: 'resident' },
		FIXED_NOW
	);
	// A per-account login another resident may add (any account but the fixed demo ones).
	const spare = db.$client
		.prepare("select id, number from accounts where number not like '172600100%' limit 1")
		.get() as { id: number; number: string };
	linkTarget = { login: spare.number, password: 'spare-12345' };
	spareAccount = spare.id;
	const owner = await createUser(
		db,
		{ login: spare.number, password: linkTarget.password, role: 'resident' },
		FIXED_NOW
	);
	db.insert(userAccounts)
		.values({ userId: owner, accountId: spare.id, createdAtMs: FIXED_NOW })
		.run();

	callers.anonymous = anonymousCaller(db);
	callers.resident = await callerAs(db, 'demo2', 'demo12345');
	callers.otherResident = await callerAs(db, 'demo', 'demo12345');
	callers.inspector = await callerAs(db, 'inspector', 'inspect12345');
	callers.operator = await callerAs(db, 'operator', 'operate12345');
});
afterAll(() => cleanup());

describe('authorization matrix', () => {
	it('every procedure of the router has a row, and every row a procedure', () => {
		const procedures = Object.keys(appRouter._def.procedures).sort();
		expect(procedures.length).toBeGreaterThan(10);
		expect(Object.keys(ROWS).sort()).toEqual(procedures);
	});

	for (const [path, row] of Object.entries(ROWS))
		for (const actor of ACTORS)
			it(`${path} × ${actor}: ${row.cells[actor]}`, async () => {
				expect(await outcome(row, callers[actor])).toBe(row.cells[actor]);
			});
});

// The HTTP endpoints themselves: what a request with or without a session or token gets.
describe('HTTP endpoints', () => {
	const TOKEN = 'matrix-ingest-token';
	const ingest = (authorization?: string) =>
		ingestPost({
			request: new Request('http://localhost/api/ingest/readings', {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					...(authorization ? { authorization } : {})
				},
				body: JSON.stringify({ readings: [] })
			})
		} as Parameters<typeof ingestPost>[0]);

	beforeAll(() => {
		process.env.INGEST_TOKEN = TOKEN;
	});

	it('POST /api/ingest/readings: no token deny (401), a wrong token deny (401), the token allow', async () => {
		expect((await ingest()).status).toBe(401);
		expect((await ingest('Bearer not-the-token')).status).toBe(401);
		// A resident's or operator's session is no head-end token: the endpoint reads no cookie.
		expect((await ingest(`Bearer ${TOKEN}x`)).status).toBe(401);
		expect((await ingest(`Bearer ${TOKEN}`)).status).toBe(200);
	});

	const payme = async (authorization?: string) => {
		const response = await paymePost({
			request: new Request('http://localhost/api/payments/payme', {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					...(authorization ? { authorization } : {})
				},
				body: JSON.stringify({
					jsonrpc: '2.0',
					id: 1,
					method: 'CheckPerformTransaction',
					params: { amount: 1_000_00, account: { account: '1726001003' } }
				})
			})
		} as Parameters<typeof paymePost>[0]);
		// Payme reads the outcome from the JSON-RPC body; the HTTP status is always 200.
		expect(response.status).toBe(200);
		const body = (await response.json()) as { result?: unknown; error?: { code: number } };
		return body.error ? body.error.code : 'allow';
	};
	const basic = (password: string) =>
		`Basic ${Buffer.from(`Paycom:${password}`).toString('base64')}`;

	it('POST /api/payments/payme: no key configured deny, no or a wrong Basic deny (-32504), Paycom:<key> allow', async () => {
		const PAYME = 'matrix-payme-key';
		delete process.env.PAYME_KEY;
		expect(await payme(basic(''))).toBe(-32400);
		process.env.PAYME_KEY = PAYME;
		try {
			expect(await payme()).toBe(-32504);
			expect(await payme(basic('wrong'))).toBe(-32504);
			// A session or the ingest token is no Payme key: the endpoint reads neither.
			expect(await payme(`Bearer ${TOKEN}`)).toBe(-32504);
			expect(await payme(basic(PAYME))).toBe('allow');
		} finally {
			delete process.env.PAYME_KEY;
		}
	});

	const basicOf = (login: string, password: string) =>
		`Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`;
	const jsonRequest = (path: string, body: unknown, headers: Record<string, string> = {}) =>
		new Request(`http://localhost${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body: JSON.stringify(body)
		});
	/** Runs `fn` with the given env variables set, and restores them after. */
	async function withEnv(vars: Record<string, string>, fn: () => Promise<void>) {
		const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
		Object.assign(process.env, vars);
		try {
			await fn();
		} finally {
			for (const [k, v] of Object.entries(saved))
				if (v === undefined) delete process.env[k];
				else process.env[k] = v;
		}
	}

	const paynet = async (authorization?: string) => {
		const response = await paynetPost({
			request: jsonRequest(
				'/api/payments/paynet',
				{
					jsonrpc: '2.0',
					id: 1,
					method: 'GetInformation',
					params: { serviceId: 1, fields: { account: '1726001003' } }
				},
				authorization ? { authorization } : {}
			)
		} as Parameters<typeof paynetPost>[0]);
		const body = (await response.json()) as { error?: { code: number } };
		if (response.status === 401) return 'deny';
		return body.error?.code === 100 ? 'not configured' : 'allow';
	};

	it('POST /api/payments/paynet: not configured deny (100), no or a wrong Basic deny (HTTP 401), login:password allow', async () => {
		expect(await paynet(basicOf('matrix-paynet', 'matrix-paynet-pass'))).toBe('not configured');
		await withEnv(
			{ PAYNET_LOGIN: 'matrix-paynet', PAYNET_PASSWORD: 'matrix-paynet-pass' },
			async () => {
				expect(await paynet()).toBe('deny');
				expect(await paynet(basicOf('matrix-paynet', 'wrong'))).toBe('deny');
				expect(await paynet(basicOf('someone', 'matrix-paynet-pass'))).toBe('deny');
				expect(await paynet(`Bearer ${TOKEN}`)).toBe('deny');
				expect(await paynet(basicOf('matrix-paynet', 'matrix-paynet-pass'))).toBe('allow');
			}
		);
	});

	const uzum = async (operation: string, authorization?: string) => {
		const response = await uzumPost({
			params: { operation },
			request: jsonRequest(
				`/api/payments/uzum/${operation}`,
				{ serviceId: 555, timestamp: 1, transId: 'matrix', params: { account: '1726001003' } },
				authorization ? { authorization } : {}
			)
		} as unknown as Parameters<typeof uzumPost>[0]);
		const body = (await response.json()) as { errorCode?: string };
		if (body.errorCode === '10001') return 'deny';
		return body.errorCode === '99999' && response.status === 400 ? 'refused' : 'allow';
	};

	it('POST /api/payments/uzum/{check,create,confirm,reverse,status}: not configured deny, no or a wrong Basic deny (10001), login:password allow', async () => {
		for (const op of ['check', 'create', 'confirm', 'reverse', 'status'])
			expect(await uzum(op, basicOf('matrix-uzum', 'matrix-uzum-pass'))).toBe('refused');
		await withEnv(
			{ UZUM_SERVICE_ID: '555', UZUM_LOGIN: 'matrix-uzum', UZUM_PASSWORD: 'matrix-uzum-pass' },
			async () => {
				for (const op of ['check', 'create', 'confirm', 'reverse', 'status']) {
					expect(await uzum(op)).toBe('deny');
					expect(await uzum(op, basicOf('matrix-uzum', 'wrong'))).toBe('deny');
					expect(await uzum(op, `Bearer ${TOKEN}`)).toBe('deny');
					expect(await uzum(op, basicOf('matrix-uzum', 'matrix-uzum-pass'))).toBe('allow');
				}
			}
		);
	});

	const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
	const osonNotify = async (signature?: string) => {
		const response = await osonNotifyPost({
			request: jsonRequest('/api/payments/oson/notify', {
				transaction_id: 'matrix-order',
				bill_id: 'B1',
				status: 'PAID',
				...(signature ? { signature } : {})
			})
		} as Parameters<typeof osonNotifyPost>[0]);
		if (response.status === 503) return 'not configured';
		return response.status === 403 ? 'deny' : 'allow';
	};

	it("POST /api/payments/oson/notify: not configured deny (503), no or a wrong signature deny (403), OSON's signature allow", async () => {
		const signed = (token: string) =>
			sha256(`${sha256(`${token}:matrix-merchant`)}:matrix-order:B1:PAID`);
		expect(await osonNotify(signed('matrix-oson-token'))).toBe('not configured');
		await withEnv(
			{ OSON_MERCHANT_ID: 'matrix-merchant', OSON_TOKEN: 'matrix-oson-token' },
			async () => {
				expect(await osonNotify()).toBe('deny');
				expect(await osonNotify(signed('wrong-token'))).toBe('deny');
				// Past the signature: there is no such invoice (404), nothing else is asked.
				expect(await osonNotify(signed('matrix-oson-token'))).toBe('allow');
			}
		);
	});

	it("POST /sandbox/oson/api/invoice/{create,status} (demo only): no or a wrong token header deny (401), OSON's token allow", async () => {
		const standIn = async (handler: typeof osonCreatePost, token?: string) => {
			const response = await handler({
				request: jsonRequest(
					'/sandbox/oson/api/invoice/',
					{ merchant_id: 'matrix-merchant', transaction_id: 'none' },
					token ? { token } : {}
				),
				url: new URL('http://localhost/sandbox/oson/api/invoice/')
			} as Parameters<typeof osonCreatePost>[0]);
			return response.status === 401 ? 'deny' : 'allow';
		};
		await withEnv(
			{ OSON_MERCHANT_ID: 'matrix-merchant', OSON_TOKEN: 'matrix-oson-token' },
			async () => {
				for (const handler of [
					osonCreatePost,
					osonStatusPost as unknown as typeof osonCreatePost
				]) {
					expect(await standIn(handler)).toBe('deny');
					expect(await standIn(handler, 'wrong')).toBe('deny');
					expect(await standIn(handler, 'matrix-oson-token')).toBe('allow');
				}
			}
		);
	});

	it('POST /api/sms/inbound: no secret configured deny (503), no or a wrong X-Sms-Secret deny (401), the secret allow', async () => {
		const inbound = async (secret?: string) =>
			(
				await smsInboundPost({
					request: new Request('http://localhost/api/sms/inbound', {
						method: 'POST',
						headers: {
							'content-type': 'application/json',
							...(secret === undefined ? {} : { 'x-sms-secret': secret })
						},
						body: JSON.stringify({
							from: '+998990000001',
							to: '2100',
							text: 'P',
							id: secret ?? 'none'
						})
					})
				} as Parameters<typeof smsInboundPost>[0])
			).status;
		const SECRET = 'matrix-sms-secret';
		delete process.env.SMS_INBOUND_SECRET;
		expect(await inbound(SECRET)).toBe(503);
		process.env.SMS_INBOUND_SECRET = SECRET;
		try {
			expect(await inbound()).toBe(401);
			expect(await inbound('wrong')).toBe(401);
			// Neither the ingest token nor a Payme key is the gateway's secret.
			expect(await inbound(TOKEN)).toBe(401);
			expect(await inbound(SECRET)).toBe(200);
		} finally {
			delete process.env.SMS_INBOUND_SECRET;
		}
	});

	const viaRoute = async (
		method: 'GET' | 'POST',
		path: string,
		user: SessionUser | null,
		body?: unknown
	) => {
		const url = `http://localhost/api/trpc/${path}`;
		const request = new Request(url, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		const event = {
			request,
			url: new URL(url),
			locals: { user },
			getClientAddress: () => '192.0.2.1',
			cookies: { get: () => undefined, set: () => {}, delete: () => {} }
		};
		const handler = method === 'GET' ? trpcGet : trpcPost;
		return (await handler(event as unknown as Parameters<typeof trpcGet>[0])).status;
	};

	it('GET/POST /api/trpc: the session (locals.user) decides, as in the table above', async () => {
		const demo2 = (await callers.resident.auth.me()).user!;
		const operator = (await callers.operator.auth.me()).user!;
		expect(await viaRoute('GET', 'accounts.list', null)).toBe(401);
		expect(await viaRoute('GET', 'accounts.list', demo2)).toBe(200);
		expect(await viaRoute('GET', 'accounts.list', operator)).toBe(403);
		expect(await viaRoute('GET', 'office.requests.list', demo2)).toBe(403);
		expect(await viaRoute('GET', 'office.requests.list', operator)).toBe(200);
		expect(await viaRoute('GET', 'office.audit.list', demo2)).toBe(403);
		expect(await viaRoute('GET', 'office.sms.list', null)).toBe(401);
		expect(await viaRoute('GET', 'office.sms.list', operator)).toBe(200);
		expect(await viaRoute('POST', 'billing.run', demo2, { month: '2026-09' })).toBe(403);
		expect(await viaRoute('GET', 'tariffs.list', null)).toBe(200);
	});
});
