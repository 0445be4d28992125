import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { callerAs, anonymousCaller, FIXED_NOW, seededDb } from './helpers/testDb';
import { aDevice } from './helpers/commands';
import { appRouter } from '../../src/lib/server/trpc/root';
import { createUser } from '../../src/lib/server/services/auth';
import { userAccounts } from '../../src/lib/server/db/schema';
import { openOrder } from '../../src/lib/server/services/payments/orders';
import { SYNC_PROTOCOL } from '../../src/lib/domain/sync/protocol';
import { POST as ingestPost } from '../../src/routes/api/ingest/readings/+server';
import { POST as paymePost } from '../../src/routes/api/payments/payme/+server';
import { POST as officeImportPost } from '../../src/routes/api/office/readings/import/+server';
import { POST as smsInboundPost } from '../../src/routes/api/sms/inbound/+server';
import { POST as paynetPost } from '../../src/routes/api/payments/paynet/+server';
import { POST as uzumPost } from '../../src/routes/api/payments/uzum/[operation]/+server';
import { POST as osonNotifyPost } from '../../src/routes/api/payments/oson/notify/+server';
import { POST as osonCreatePost } from '../../src/routes/sandbox/oson/api/invoice/create/+server';
import { POST as osonStatusPost } from '../../src/routes/sandbox/oson/api/invoice/status/+server';
import { createHash } from 'node:crypto';
import { POST as clickPreparePost } from '../../src/routes/api/payments/click/prepare/+server';
import { POST as clickCompletePost } from '../../src/routes/api/payments/click/complete/+server';
import { POST as upayCheckPost } from '../../src/routes/api/payments/upay/check/+server';
import { POST as upayPayPost } from '../../src/routes/api/payments/upay/pay/+server';
import { POST as clickPlayPost } from '../../src/routes/sandbox/click/play/+server';
import { handle } from '../../src/hooks.server';
import { formatTashkentTime } from '../../src/lib/domain/payments/tashkentTime';
import { GET as trpcGet, POST as trpcPost } from '../../src/routes/api/trpc/[...trpc]/+server';
import type { Db } from '../../src/lib/server/db';
import { aRequest, userIdOf } from './helpers/office';
import { assignRequest } from '../../src/lib/server/services/office/requestActions';
import { ingestReadings } from '../../src/lib/server/services/readingIngest';
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

// Staff: `inspector` and `operator` work in Tashkent city (where resident's account is),
// `otherInspector` and `otherOperator` in Samarqand region; `admin` sees everything.
const ACTORS = [
	'anonymous',
	'resident',
	'otherResident',
	'inspector',
	'otherInspector',
	'operator',
	'otherOperator',
	'admin'
] as const;
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

const noStaff = {
	inspector: 'deny',
	otherInspector: 'deny',
	operator: 'deny',
	otherOperator: 'deny',
	admin: 'deny'
} as const;
const onlyResidents = {
	anonymous: 'deny',
	resident: 'allow',
	otherResident: 'allow',
	...noStaff
} as const;
const onlyOwner = { ...onlyResidents, otherResident: 'deny' } as const;
const everyone = {
	anonymous: 'allow',
	resident: 'allow',
	otherResident: 'allow',
	inspector: 'allow',
	otherInspector: 'allow',
	operator: 'allow',
	otherOperator: 'allow',
	admin: 'allow'
} as const;
const signedIn = { ...everyone, anonymous: 'deny' } as const;
/** The back office: operators of any district and admins. */
const onlyOperator = {
	...onlyResidents,
	resident: 'deny',
	otherResident: 'deny',
	operator: 'allow',
	otherOperator: 'allow',
	admin: 'allow'
} as const;
/**
 * The back office on resident's objects (Tashkent city): its operator and admin reach them,
 * the Samarqand operator is refused them as foreign.
 */
const districtOperator = { ...onlyOperator, otherOperator: 'deny' } as const;

let db: Db;
let cleanup: () => void;
// Resident's requests: one the office acts on, one left as filed, one with a work order.
let actionRequest: string;
let stableRequest: string;
let ownWorkOrder: string;
let ownDistrict: string;
let inspectorId: number;
let heldSuspect: number;
let ownAccount: number;
let spareAccount: number;
let linkTarget: { login: string; password: string };
const callers = {} as Record<Actor, Caller>;

let resets = 0;
const OWN_ORDER = '01900000-0000-7000-8000-0000000000aa';
const WORK_ORDER = '01900000-0000-7000-8000-0000000000bb';
const HELD_RESULT = '01900000-0000-7000-8000-0000000000cc';

const ROWS: Record<string, Row> = {
	'auth.signIn': {
		cells: everyone,
		call: (c) => c.auth.signIn({ login: 'matrix-signin', password: 'matrix-12345' })
	},
	'auth.signOut': { cells: everyone, call: (c) => c.auth.signOut() },
	'auth.me': { cells: everyone, call: (c) => c.auth.me() },
	'auth.methods': { cells: everyone, call: (c) => c.auth.methods() },
	// A wrong current password is a refusal past authorization (allow); nobody's password changes.
	'auth.changePassword': {
		cells: signedIn,
		call: (c) =>
			c.auth.changePassword({ currentPassword: 'not-the-password', newPassword: 'matrix-67890' })
	},
	'sessions.list': { cells: signedIn, call: (c) => c.sessions.list() },
	// Each caller holds one session here, so ending the others ends nobody's table row.
	'sessions.endOthers': { cells: signedIn, call: (c) => c.sessions.endOthers() },
	// A password user is refused past authorization ("sign in with OneID first"): allow.
	'oneid.link': {
		cells: onlyResidents,
		call: (c) => c.oneid.link({ districtSoato: '1726264', number: '1726001003' })
	},
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
	'office.readings.suspects': {
		cells: districtOperator,
		call: (c) => c.office.readings.suspects({}),
		judge: (r) =>
			(r as Array<{ id: number }>).some((s) => s.id === heldSuspect) ? 'allow' : 'deny'
	},
	'office.readings.accept': {
		cells: districtOperator,
		call: (c) => c.office.readings.accept({ suspectId: heldSuspect })
	},
	'office.readings.correct': {
		cells: districtOperator,
		call: (c) => c.office.readings.correct({ suspectId: heldSuspect, kwh: '100' })
	},
	// Listed before it is decided below: a Samarqand operator's list does not show it.
	'office.review.list': {
		cells: { ...onlyOperator, otherOperator: 'deny' },
		call: (c) => c.office.review.list({}),
		judge: (r) =>
			(r as { items: Array<{ resultId: string }> }).items.some((i) => i.resultId === HELD_RESULT)
				? 'allow'
				: 'deny'
	},
	// A held result on resident's account (Tashkent): the operator of that district decides it
	// (the admin then meets "already decided", past authorization); the Samarqand one is refused.
	'office.review.resolve': {
		cells: { ...onlyOperator, otherOperator: 'deny' },
		call: (c) =>
			c.office.review.resolve({ resultId: HELD_RESULT, decision: 'dismiss', note: 'matrix' })
	},
	'office.requests.list': {
		cells: districtOperator,
		call: (c) => c.office.requests.list({ status: 'all', limit: 200 }),
		judge: (r) =>
			(r as { rows: Array<{ id: string }> }).rows.some((row) => row.id === stableRequest)
				? 'allow'
				: 'deny'
	},
	'office.requests.get': {
		cells: districtOperator,
		call: (c) => c.office.requests.get({ requestId: stableRequest })
	},
	'office.dashboard': {
		cells: districtOperator,
		call: (c) => c.office.dashboard(),
		judge: (r) =>
			(r as { districts: Array<{ districtSoato: string }> }).districts.some(
				(d) => d.districtSoato === ownDistrict
			)
				? 'allow'
				: 'deny'
	},
	'office.inspectors.list': {
		cells: districtOperator,
		call: (c) => c.office.inspectors.list({ districtSoato: ownDistrict })
	},
	'office.requests.accept': {
		cells: districtOperator,
		call: (c) => c.office.requests.accept({ requestId: actionRequest })
	},
	'office.requests.schedule': {
		cells: districtOperator,
		call: (c) => c.office.requests.schedule({ requestId: actionRequest, date: '2026-11-05' })
	},
	'office.requests.assign': {
		cells: districtOperator,
		call: (c) =>
			c.office.requests.assign({ requestId: actionRequest, inspectorUserId: inspectorId })
	},
	'office.requests.setStatus': {
		cells: districtOperator,
		call: (c) =>
			c.office.requests.setStatus({ requestId: actionRequest, status: 'done', reason: null })
	},
	'office.requests.reject': {
		cells: districtOperator,
		call: (c) => c.office.requests.reject({ requestId: actionRequest, reason: 'duplicate' })
	},
	'office.workOrders.cancel': {
		cells: districtOperator,
		call: (c) => c.office.workOrders.cancel({ workOrderId: ownWorkOrder })
	},
	// A request of its own for each call: removing it must not leave the next caller nothing.
	'office.requests.remove': {
		cells: districtOperator,
		call: (c) =>
			c.office.requests.remove({ requestId: aRequest(db, ownAccount, { kind: 'sealing' }) })
	},
	'tariffs.list': { cells: everyone, call: (c) => c.tariffs.list() },
	'tariffs.rateMonth': {
		cells: everyone,
		call: (c) =>
			c.tariffs.rateMonth({ tariffClass: 'household', month: '2026-10', usageKwh: '150' })
	},
	'billing.run': { cells: onlyOperator, call: (c) => c.billing.run({ month: '2026-09' }) },
	'payments.operators': { cells: onlyResidents, call: (c) => c.payments.operators() },
	// The order is resident's; the other resident is refused it like an order that does not exist.
	'payments.checkout': {
		cells: onlyOwner,
		call: (c) => c.payments.checkout({ orderId: OWN_ORDER })
	}
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
	openOrder(db, {
		intentId: OWN_ORDER,
		accountId: ownAccount,
		operator: 'payme',
		amountTiyin: 1_000_00,
		nowMs: FIXED_NOW
	});
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

	// An inspector's result held for review (its order was cancelled) on resident's account.
	db.$client.exec(`
		insert into work_orders (id, account_id, meter_id, kind, status, inspector_user_id, created_at_ms, updated_at_ms)
		select '${WORK_ORDER}', a.id, m.id, 'sealing', 'cancelled', u.id, 0, 0
		from accounts a join meters m on m.account_id = a.id, users u
		where a.number = '1726001003' and u.login = 'inspector';
		insert into inspection_results (id, work_order_id, inspector_user_id, account_id, kind, payload,
		  recorded_at_ms, received_at_ms, outcome, review_reason)
		select '${HELD_RESULT}', o.id, o.inspector_user_id, o.account_id, 'sealing', '{}', 1, 1,
		  'needs_review', 'order_cancelled'
		from work_orders o where o.id = '${WORK_ORDER}';`);
	ownDistrict = (
		db.$client.prepare('select district_soato as d from accounts where id = ?').get(ownAccount) as {
			d: string;
		}
	).d;
	inspectorId = userIdOf(db, 'inspector');
	actionRequest = aRequest(db, ownAccount, { kind: 'sealing' });
	stableRequest = aRequest(db, ownAccount, { kind: 'meter_replacement' });
	const admin = { id: userIdOf(db, 'admin'), role: 'admin' } as SessionUser;
	ownWorkOrder = assignRequest(
		db,
		admin,
		{
			requestId: aRequest(db, ownAccount, { kind: 'disconnection' }),
			inspectorUserId: inspectorId,
			scheduledDate: null,
			note: ''
		},
		FIXED_NOW
	).workOrderId!;
	// A reading far above the daily ceiling on resident's meter: held for the office.
	const meter = db.$client
		.prepare(
			`select m.serial, max(r.value_wh) as wh from meters m join readings r on r.meter_id = m.id
			 where m.account_id = ? and m.removed_on is null group by m.id`
		)
		.get(ownAccount) as { serial: string; wh: number };
	ingestReadings(
		db,
		[
			{
				row: 1,
				reading: {
					meter: meter.serial,
					date: '2026-11-01',
					kwh: `${Math.floor(meter.wh / 1000) + 90_000}.000`
				}
			}
		],
		{ source: 'smart', nowMs: FIXED_NOW }
	);
	heldSuspect = (
		db.$client
			.prepare("select id from suspect_readings where status = 'held' order by id desc")
			.get() as {
			id: number;
		}
	).id;

	callers.anonymous = anonymousCaller(db);
	callers.resident = await callerAs(db, 'demo2', 'demo12345');
	callers.otherResident = await callerAs(db, 'demo', 'demo12345');
	callers.inspector = await callerAs(db, 'inspector', 'inspect12345');
	callers.operator = await callerAs(db, 'operator', 'operate12345');
	callers.otherInspector = await callerAs(db, 'inspector2', 'inspect12345');
	callers.otherOperator = await callerAs(db, 'operator2', 'operate12345');
	callers.admin = await callerAs(db, 'admin', 'admin12345');
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

	it('POST /api/office/readings/import: the session decides: no one (401), residents and inspectors (403), operators and admins allow', async () => {
		const importAs = async (actor: Actor) => {
			const user = actor === 'anonymous' ? null : (await callers[actor].auth.me()).user;
			const response = await officeImportPost({
				request: new Request('http://localhost/api/office/readings/import', {
					method: 'POST',
					headers: { 'content-type': 'text/csv' },
					body: 'meter,date,kwh\n'
				}),
				locals: { user }
			} as unknown as Parameters<typeof officeImportPost>[0]);
			await response.body?.cancel();
			return response.status;
		};
		const expected: Record<Actor, number> = {
			anonymous: 401,
			resident: 403,
			otherResident: 403,
			inspector: 403,
			otherInspector: 403,
			operator: 200,
			otherOperator: 200,
			admin: 200
		};
		for (const actor of ACTORS) expect(await importAs(actor), actor).toBe(expected[actor]);
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

	const md5 = (text: string) => createHash('md5').update(text).digest('hex');
	const CLICK = {
		CLICK_SERVICE_ID: '5501',
		CLICK_MERCHANT_ID: '5502',
		CLICK_SECRET_KEY: 'matrix-click-secret'
	};
	const UPAY = { UPAY_SERVICE_ID: '5503', UPAY_SECRET: 'matrix-upay-secret' };
	const formRequest = (path: string, fields: Record<string, string>, cookie?: string) =>
		new Request(`http://localhost${path}`, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				...(cookie ? { cookie } : {})
			},
			body: new URLSearchParams(fields).toString()
		});
	// The four operator endpoints take only the request; their event types differ by route id.
	type OperatorEndpoint = (event: { request: Request }) => Response | Promise<Response>;
	const clickCall = async (
		post: OperatorEndpoint,
		path: string,
		secret: string,
		over: Record<string, string> = {}
	) => {
		const f: Record<string, string> = {
			click_trans_id: '4400001',
			service_id: CLICK.CLICK_SERVICE_ID,
			click_paydoc_id: '4400002',
			merchant_trans_id: '1726001003',
			amount: '1000',
			action: path.endsWith('prepare') ? '0' : '1',
			error: '0',
			error_note: 'Success',
			sign_time: formatTashkentTime(Date.now() - 13 * 3_600_000),
			...over
		};
		const prepareId = f.action === '1' ? (f.merchant_prepare_id ?? '') : '';
		f.sign_string = md5(
			f.click_trans_id +
				f.service_id +
				secret +
				f.merchant_trans_id +
				prepareId +
				f.amount +
				f.action +
				f.sign_time
		);
		const response = await post({
			request: formRequest(path, f, `tok_session=${TOKEN}`)
		});
		// Click reads the outcome from the JSON body; the HTTP status is always 200.
		expect(response.status).toBe(200);
		return ((await response.json()) as { error: number }).error;
	};

	it('POST /api/payments/click/prepare and /complete: not configured deny (-8), a wrong sign deny (-1), the secret allow', async () => {
		const prepare = (secret: string) =>
			clickCall(clickPreparePost as OperatorEndpoint, '/api/payments/click/prepare', secret);
		// Unknown prepare id: past the signature, so -6, not -1.
		const complete = (secret: string) =>
			clickCall(clickCompletePost as OperatorEndpoint, '/api/payments/click/complete', secret, {
				merchant_prepare_id: '999999'
			});
		expect(await prepare(CLICK.CLICK_SECRET_KEY)).toBe(-8);
		expect(await complete(CLICK.CLICK_SECRET_KEY)).toBe(-8);
		await withEnv(CLICK, async () => {
			// A session cookie or the ingest token is no Click signature: the endpoints read neither.
			expect(await prepare('wrong')).toBe(-1);
			expect(await prepare(TOKEN)).toBe(-1);
			expect(await complete('wrong')).toBe(-1);
			// Signed but refused on the business rule (a 12 h old sign_time): past authorization.
			expect(await prepare(CLICK.CLICK_SECRET_KEY)).toBe(-9);
			expect(await complete(CLICK.CLICK_SECRET_KEY)).toBe(-6);
		});
	});

	const upayCall = async (post: OperatorEndpoint, path: string, token: string) => {
		const response = await post({
			request: new Request(`http://localhost${path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', cookie: `tok_session=${TOKEN}` },
				body: JSON.stringify({
					personalAccount: '1799999999',
					upayTransId: '4400003',
					upayTransTime: '2026-11-01 14:00:00',
					upayPaymentAmount: '1000',
					accessToken: token
				})
			})
		});
		expect(response.status).toBe(200);
		return ((await response.json()) as { status: number }).status;
	};

	it('POST /api/payments/upay/check and /pay: not configured deny (8), a wrong token deny (2), the token allow', async () => {
		const check = (token: string) =>
			upayCall(upayCheckPost as OperatorEndpoint, '/api/payments/upay/check', token);
		const pay = (token: string) =>
			upayCall(upayPayPost as OperatorEndpoint, '/api/payments/upay/pay', token);
		const checkToken = md5('1799999999' + UPAY.UPAY_SECRET);
		const payToken = md5('4400003' + UPAY.UPAY_SECRET + '1000' + '1799999999');
		expect(await check(checkToken)).toBe(8);
		expect(await pay(payToken)).toBe(8);
		await withEnv(UPAY, async () => {
			expect(await check(md5('1799999999wrong'))).toBe(2);
			expect(await pay(md5(TOKEN))).toBe(2);
			// Past authorization: the account does not exist (3), nothing paid.
			expect(await check(checkToken)).toBe(3);
			expect(await pay(payToken)).toBe(3);
		});
	});

	it('/sandbox/… (the operators’ stand-ins): 404 for everyone without TOK_DEMO, whoever asks', async () => {
		const demo = process.env.TOK_DEMO;
		delete process.env.TOK_DEMO;
		try {
			for (const path of ['/sandbox/click', '/sandbox/click/play', '/sandbox/upay/play']) {
				const request = new Request(`http://localhost${path}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json', cookie: `tok_session=${TOKEN}` },
					body: '{}'
				});
				const response = await handle({
					event: {
						request,
						url: new URL(request.url),
						locals: {},
						cookies: { get: () => undefined }
					},
					resolve: () => new Response('the page')
				} as unknown as Parameters<typeof handle>[0]);
				expect(response.status, path).toBe(404);
			}
		} finally {
			if (demo !== undefined) process.env.TOK_DEMO = demo;
		}
		// Under the demo the play endpoint itself asks for no sign-in; it only refuses a bad link.
		const response = await clickPlayPost({
			request: new Request('http://localhost/sandbox/click/play', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ query: 'service_id=x' })
			}),
			url: new URL('http://localhost/sandbox/click/play')
		} as Parameters<typeof clickPlayPost>[0]);
		expect(response.status).toBe(400);
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
