import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { callerAs, pullAll, seededDb } from './helpers/testDb';
import { aDevice } from './helpers/commands';
import { LiveHub, pokes } from '../../src/lib/server/sync/live';
import { BROADCAST_SPREAD_MS } from '../../src/lib/domain/sync/protocol';
import type { Db } from '../../src/lib/server/db';

let db: Db;
let cleanup: () => void;
beforeEach(async () => {
	({ db, cleanup } = await seededDb(5));
});
afterEach(() => cleanup());

const accountId = (number: string) =>
	(db.$client.prepare('select id from accounts where number = ?').get(number) as { id: number }).id;
const countRequests = (id: string) =>
	(
		db.$client.prepare('select count(*) as n from service_requests where id = ?').get(id) as {
			n: number;
		}
	).n;
const statusOf = (id: string) =>
	(
		db.$client.prepare('select status from service_requests where id = ?').get(id) as {
			status: string;
		}
	).status;

describe('sync.push', () => {
	it('the same batch pushed twice takes effect once, and the second delivery gets the first result', async () => {
		const demo = await callerAs(db, 'demo', 'demo12345');
		const device = aDevice();
		const a = device.createRequest(accountId('1726001001'), 'inspection');
		const b = device.createRequest(accountId('1726001002'), 'sealing');
		const batch = device.push([a.command, b.command]);
		const first = await demo.sync.push(batch);
		const second = await demo.sync.push(batch);
		expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied']);
		expect(second).toEqual(first);
		expect(countRequests(a.requestId)).toBe(1);
		expect(countRequests(b.requestId)).toBe(1);
		const events = db.$client
			.prepare('select count(*) as n from request_events where request_id = ?')
			.get(a.requestId) as { n: number };
		expect(events.n).toBe(1);
	});

	it('a gap in the sequence is refused so the device resends in order', async () => {
		const demo = await callerAs(db, 'demo', 'demo12345');
		const device = aDevice();
		const first = device.createRequest(accountId('1726001001'), 'meter_replacement');
		const second = device.createRequest(accountId('1726001002'), 'meter_replacement');
		const out = await demo.sync.push(device.push([second.command]));
		expect(out.results).toEqual([]);
		expect(out.gap).toEqual({ expectedSeq: 1 });
		expect(countRequests(second.requestId)).toBe(0);
		const resent = await demo.sync.push(device.push([first.command, second.command]));
		expect(resent.gap).toBeNull();
		expect(resent.results.map((r) => r.seq)).toEqual([1, 2]);
		expect(countRequests(second.requestId)).toBe(1);
	});

	it('a command refused by a business rule comes back with a reason and the queue moves on', async () => {
		const demo = await callerAs(db, 'demo', 'demo12345');
		const device = aDevice();
		const open = device.createRequest(accountId('1726001001'), 'disconnection');
		const again = device.createRequest(accountId('1726001001'), 'disconnection');
		const notMine = device.createRequest(accountId('1726001003'), 'inspection');
		const bad = device.command('request.create', {
			requestId: 'nope',
			accountId: 1,
			kind: 'teleport'
		});
		const cancel = device.command('request.cancel', { requestId: open.requestId });
		const out = await demo.sync.push(
			device.push([open.command, again.command, notMine.command, bad, cancel])
		);
		expect(out.results.map((r) => (r.status === 'refused' ? r.reason : r.status))).toEqual([
			'applied',
			'error.request_already_open',
			'error.account_forbidden',
			'error.invalid_input',
			'applied'
		]);
		expect(countRequests(again.requestId)).toBe(0);
		expect(countRequests(notMine.requestId)).toBe(0);
		expect(statusOf(open.requestId)).toBe('cancelled');
	});

	it('a request can only be cancelled while still submitted', async () => {
		const demo = await callerAs(db, 'demo', 'demo12345');
		const operator = await callerAs(db, 'operator', 'operate12345');
		const device = aDevice();
		const r = device.createRequest(accountId('1726001002'), 'inspection');
		await demo.sync.push(device.push([r.command]));
		await operator.office.requests.setStatus({
			requestId: r.requestId,
			status: 'accepted',
			reason: null
		});
		const out = await demo.sync.push(
			device.push([device.command('request.cancel', { requestId: r.requestId })])
		);
		expect(out.results[0]).toMatchObject({
			status: 'refused',
			reason: 'error.request_not_cancellable'
		});
		expect(statusOf(r.requestId)).toBe('accepted');
	});

	it("another user's device id is refused", async () => {
		const demo = await callerAs(db, 'demo', 'demo12345');
		const demo2 = await callerAs(db, 'demo2', 'demo12345');
		const device = aDevice();
		await demo.sync.push(
			device.push([device.createRequest(accountId('1726001001'), 'sealing').command])
		);
		const error = await demo2.sync
			.push(device.push([device.createRequest(accountId('1726001003'), 'sealing').command]))
			.catch((e: unknown) => e);
		expect((error as TRPCError).code).toBe('FORBIDDEN');
	});

	it('a client too old for the protocol is told to update', async () => {
		const demo = await callerAs(db, 'demo', 'demo12345');
		const error = await demo.sync
			.pull({ protocol: 0, cursor: null, limit: 10 })
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(TRPCError);
		expect((error as TRPCError).code).toBe('PRECONDITION_FAILED');
		expect((error as TRPCError).message).toBe('error.update_required');
	});
});

describe('sync.pull', () => {
	it('a first pull in small pages gives the same rows as one big page', async () => {
		const demo = await callerAs(db, 'demo', 'demo12345');
		const big = await pullAll(demo, null, 2000);
		const small = await pullAll(demo, null, 7);
		expect(big.pages).toBe(1);
		expect(small.pages).toBeGreaterThan(5);
		for (const table of ['accounts', 'requests', 'ledger', 'readingMonths']) {
			const key = (r: Record<string, unknown>) => String(r.id);
			expect(small.rows(table).map(key).sort(), table).toEqual(big.rows(table).map(key).sort());
		}
		expect(big.rows('readingMonths').length).toBeGreaterThanOrEqual(48);
	});

	it('pulls changes since the cursor only, with tombstones for removed rows', async () => {
		const demo = await callerAs(db, 'demo', 'demo12345');
		const operator = await callerAs(db, 'operator', 'operate12345');
		const first = await pullAll(demo);
		const quiet = await pullAll(demo, first.cursor);
		expect(quiet.dropped).toEqual([]);
		expect(quiet.rows('requests')).toEqual([]);
		expect(quiet.rows('ledger')).toEqual([]);

		const device = aDevice();
		const keep = device.createRequest(accountId('1726001001'), 'meter_replacement', {
			note: 'keep'
		});
		const gone = device.createRequest(accountId('1726001002'), 'disconnection', { note: 'gone' });
		await demo.sync.push(device.push([keep.command, gone.command]));
		await operator.office.requests.remove({ requestId: gone.requestId });

		const after = await pullAll(demo, first.cursor, 1);
		expect(after.rows('requests').map((r) => r.id)).toEqual([keep.requestId]);
		expect(after.deleted).toContainEqual({ table: 'requests', id: gone.requestId });
		expect(after.rows('readingMonths')).toEqual([]);
	});

	it("never shows another user's rows", async () => {
		const demo2 = await callerAs(db, 'demo2', 'demo12345');
		const own = accountId('1726001003');
		const { rows } = await pullAll(demo2, null, 3);
		for (const table of ['accounts', 'requests', 'ledger', 'readingMonths'])
			for (const row of rows(table))
				expect(table === 'accounts' ? row.id : row.accountId, table).toBe(own);
	});

	it('a status change by the office reaches the resident with its history', async () => {
		const demo = await callerAs(db, 'demo', 'demo12345');
		const operator = await callerAs(db, 'operator', 'operate12345');
		const device = aDevice();
		const r = device.createRequest(accountId('1726001002'), 'meter_replacement');
		await demo.sync.push(device.push([r.command]));
		const before = await pullAll(demo);
		await operator.office.requests.setStatus({
			requestId: r.requestId,
			status: 'rejected',
			reason: 'Meter was replaced last month'
		});
		const after = await pullAll(demo, before.cursor);
		const row = after.rows('requests').find((x) => x.id === r.requestId);
		expect(row).toMatchObject({
			status: 'rejected',
			statusReason: 'Meter was replaced last month'
		});
		expect((row!.history as { status: string }[]).map((h) => h.status)).toEqual([
			'submitted',
			'rejected'
		]);
	});
});

describe('sync.live', () => {
	it('pokes only the users who can see the change, with no query per open client', async () => {
		const live = new LiveHub();
		const demo = await callerAs(db, 'demo', 'demo12345', live);
		const operator = await callerAs(db, 'operator', 'operate12345', live);
		const userId = (login: string) =>
			(db.$client.prepare('select id from users where login = ?').get(login) as { id: number }).id;
		const ac = new AbortController();
		const streams = [
			pokes(live, userId('demo'), ac.signal),
			pokes(live, userId('demo'), ac.signal),
			pokes(live, userId('demo2'), ac.signal)
		];
		// Each stream starts with a poke, so a client pulls as soon as it connects.
		for (const s of streams) expect((await s.next()).value).toEqual({ type: 'poke' });
		expect(live.connectionCount).toBe(3);

		const device = aDevice();
		const r = device.createRequest(accountId('1726001001'), 'sealing');
		await demo.sync.push(device.push([r.command]));
		const prepare = db.$client.prepare.bind(db.$client);
		const queriesPerPoke = () => {
			let queries = 0;
			db.$client.prepare = ((sql: string) => (
				queries++,
				prepare(sql)
			)) as typeof db.$client.prepare;
			live.pokeAccounts(db, [accountId('1726001001')]);
			db.$client.prepare = prepare;
			return queries;
		};
		const withThree = queriesPerPoke();
		// Fifty more open clients (of other people: one user holds at most a few streams).
		const extra = Array.from({ length: 50 }, (_, i) => pokes(live, 100_000 + i, ac.signal));
		expect(live.connectionCount).toBe(53);
		expect(queriesPerPoke()).toBe(withThree);
		expect(withThree).toBeLessThanOrEqual(2);
		for (const s of extra) void s.return?.();

		const next = (s: AsyncIterator<unknown>) =>
			Promise.race([
				s.next().then((x) => x.value),
				new Promise((r) => setTimeout(() => r('nothing'), 50))
			]);
		expect(await next(streams[0])).toEqual({ type: 'poke' });
		expect(await next(streams[1])).toEqual({ type: 'poke' });
		expect(await next(streams[2])).toBe('nothing');

		await operator.office.requests.setStatus({
			requestId: r.requestId,
			status: 'accepted',
			reason: null
		});
		expect(await next(streams[0])).toEqual({ type: 'poke' });

		ac.abort();
		expect(live.connectionCount).toBe(0);
		expect(await streams[0].next()).toEqual({ value: undefined, done: true });
	});

	it('a broadcast poke carries its spread; coalesced with a direct one, the direct one wins', async () => {
		const live = new LiveHub();
		const ac = new AbortController();
		const stream = pokes(live, 4242, ac.signal);
		expect((await stream.next()).value).toEqual({ type: 'poke' });
		live.pokeEveryone(BROADCAST_SPREAD_MS);
		expect((await stream.next()).value).toEqual({ type: 'poke', spreadMs: BROADCAST_SPREAD_MS });
		// While the client is busy, pokes wait as one.
		live.pokeEveryone(BROADCAST_SPREAD_MS);
		live.pokeUsers([4242]);
		live.pokeEveryone(BROADCAST_SPREAD_MS);
		expect((await stream.next()).value).toEqual({ type: 'poke' });
		ac.abort();
	});

	it('a change to thousands of accounts pokes the same users, in queries bounded by who listens', () => {
		const live = new LiveHub();
		const userId = (login: string) =>
			(db.$client.prepare('select id from users where login = ?').get(login) as { id: number }).id;
		const poked: string[] = [];
		const stops = ['demo', 'demo2', 'operator'].map((login) =>
			live.listen(userId(login), () => poked.push(login))
		);
		const ids = (where: string) =>
			(db.$client.prepare(`select id from accounts ${where}`).all() as { id: number }[]).map(
				(r) => r.id
			);
		// Every account but demo's two: far more ids than one `in (…)` list may hold.
		const many = [
			...ids("where number not in ('1726001001', '1726001002')"),
			...Array.from({ length: 40_000 }, (_, i) => 10_000_000 + i)
		];
		const prepare = db.$client.prepare.bind(db.$client);
		let queries = 0;
		db.$client.prepare = ((sql: string) => (queries++, prepare(sql))) as typeof db.$client.prepare;
		try {
			live.pokeAccounts(db, many);
		} finally {
			db.$client.prepare = prepare;
		}
		expect(poked).toEqual(['demo2']);
		expect(queries).toBeLessThanOrEqual(1);
		for (const stop of stops) stop();
	});

	it('the live procedure answers a signed-in user with a poke at once', async () => {
		const demo = await callerAs(db, 'demo', 'demo12345');
		const stream = await demo.sync.live({ protocol: 1 });
		const iterator = stream[Symbol.asyncIterator]();
		expect((await iterator.next()).value).toEqual({ type: 'poke' });
		void iterator.return?.();
	});
});
