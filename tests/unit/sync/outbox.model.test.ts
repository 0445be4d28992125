/**
 * Model-based test of the outbox against the reference server (fakeServer.ts) and the real
 * router over a SQLite file (routerServer.ts), trace by trace: random
 * sequences of a person acting offline, pushes, network failures, retries, duplicated, lost and
 * reordered deliveries, late deliveries, reloads and tabs closed mid-push. Whatever happened,
 * once the network is healthy and the device syncs until idle, the server holds every command
 * exactly once, in the order the person acted, and the outbox has nothing left in flight. The
 * same trace then runs against the real router, and both servers must end the same: the same
 * commands applied or refused for the same reasons, the same requests in the same states.
 *
 * It runs with a fixed seed, so every run checks the same cases. To replay a failure (fast-check
 * prints the seed and path), or to explore new cases:
 *   SYNC_FC_SEED=<seed> SYNC_FC_RUNS=500 npx vitest run --project unit tests/unit/sync
 */
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { REQUEST_KINDS, type RequestKind } from '../../../src/lib/domain/sync/commands';
import { mergeRequests } from '../../../src/lib/client/sync/view/requestsView';
import { FakeSyncServer, type SyncServer } from './fakeServer';
import { routerServerDatabase } from './routerServer';
import { Device, FakeNetwork } from './harness';

const SEED = Number(process.env.SYNC_FC_SEED ?? 20261125);
const RUNS = Number(process.env.SYNC_FC_RUNS ?? 60);

type Step =
	| { type: 'create'; accountId: number; kind: RequestKind }
	| { type: 'cancel'; pick: number }
	| { type: 'officeAccepts'; pick: number }
	| { type: 'push' }
	| { type: 'sync' }
	| { type: 'fail' }
	| { type: 'retry' }
	| { type: 'duplicate' }
	| { type: 'lost' }
	| { type: 'reorder' }
	| { type: 'late'; pick: number }
	| { type: 'reload' }
	| { type: 'crash'; delivered: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
	{
		weight: 4,
		arbitrary: fc.record({
			type: fc.constant('create' as const),
			accountId: fc.constantFrom(1, 2),
			kind: fc.constantFrom(...REQUEST_KINDS)
		})
	},
	{ weight: 2, arbitrary: fc.record({ type: fc.constant('cancel' as const), pick: fc.nat() }) },
	{
		weight: 1,
		arbitrary: fc.record({ type: fc.constant('officeAccepts' as const), pick: fc.nat() })
	},
	{ weight: 2, arbitrary: fc.constant({ type: 'push' as const }) },
	{ weight: 1, arbitrary: fc.constant({ type: 'sync' as const }) },
	{ weight: 2, arbitrary: fc.constant({ type: 'fail' as const }) },
	{ weight: 1, arbitrary: fc.constant({ type: 'retry' as const }) },
	{ weight: 1, arbitrary: fc.constant({ type: 'duplicate' as const }) },
	{ weight: 2, arbitrary: fc.constant({ type: 'lost' as const }) },
	{ weight: 2, arbitrary: fc.constant({ type: 'reorder' as const }) },
	{ weight: 1, arbitrary: fc.record({ type: fc.constant('late' as const), pick: fc.nat() }) },
	{ weight: 1, arbitrary: fc.constant({ type: 'reload' as const }) },
	{
		weight: 1,
		arbitrary: fc.record({ type: fc.constant('crash' as const), delivered: fc.boolean() })
	}
);

/** What the person did, in order: the reference the server's log is checked against. */
interface Model {
	commandIds: string[];
	requestIds: string[];
}

async function run(
	device: Device,
	network: FakeNetwork,
	server: SyncServer,
	model: Model,
	s: Step
) {
	const pick = <T>(list: T[], n: number): T | undefined => list[n % Math.max(1, list.length)];
	switch (s.type) {
		case 'create': {
			const row = await device.createRequest(s.accountId, s.kind);
			model.commandIds.push(row.id);
			model.requestIds.push(row.payload.requestId);
			return;
		}
		case 'cancel': {
			const requestId = pick(model.requestIds, s.pick);
			if (!requestId) return;
			const row = await device.enqueue('request.cancel', { requestId });
			model.commandIds.push(row.id);
			return;
		}
		case 'officeAccepts': {
			const requestId = pick(model.requestIds, s.pick);
			if (requestId) server.accept(requestId);
			return;
		}
		case 'push':
		case 'retry':
			await device.engine.sync({ pull: false });
			return;
		case 'sync':
			await device.engine.sync();
			return;
		case 'fail':
			network.down = true;
			await device.engine.sync();
			network.down = false;
			return;
		case 'duplicate':
		case 'lost':
		case 'reorder':
			network.nextPushFault = s.type;
			await device.engine.sync({ pull: false });
			network.nextPushFault = null;
			return;
		case 'late':
			await network.deliverLate(s.pick);
			return;
		case 'reload':
			await device.reload();
			return;
		case 'crash': {
			// The tab is closed while its push is in flight: nothing after the send runs.
			if ((await device.storage.unacknowledgedCount()) > 0) {
				network.nextPushFault = s.delivered ? 'hangDelivered' : 'hang';
				const hung = network.whenHung();
				const syncing = device.engine.sync({ pull: false });
				await hung;
				network.nextPushFault = null;
				device.engine.stop();
				await syncing;
			}
			await device.reload();
			return;
		}
	}
}

const devices: Device[] = [];
afterEach(async () => {
	await Promise.all(devices.splice(0).map((d) => d.destroy()));
});

const real = routerServerDatabase();
afterAll(() => real.cleanup());

/**
 * Runs one trace against `server`, checks what the person relies on, and returns how the server
 * ended: each command's fate and each request's state (times aside: each server has its clock).
 */
async function trace(steps: Step[], server: SyncServer) {
	const network = new FakeNetwork(server);
	// Small batches and pages, so that batching and paging take part in every run.
	const device = new Device(network, undefined, { batchSize: 3, pullLimit: 2 });
	devices.push(device);
	await device.engine.start();
	const model: Model = { commandIds: [], requestIds: [] };

	for (const s of steps) {
		await run(device, network, server, model, s);
		// At every moment, no request shows twice in what the person sees.
		const [rows, outbox] = await Promise.all([device.db.requests.toArray(), device.outbox()]);
		for (const accountId of [1, 2]) {
			const ids = mergeRequests(rows, outbox, accountId).map((r) => r.id);
			expect(new Set(ids).size).toBe(ids.length);
		}
	}

	// The network is healthy now; sync until idle.
	network.down = false;
	network.nextPushFault = null;
	const outcome = await device.engine.sync();
	expect(outcome).toMatchObject({ ok: true, unacknowledged: 0 });
	// Deliveries still held somewhere on the way arrive even later: they change nothing.
	while (network.late.length > 0) await network.deliverLate();

	const log = server.log;
	expect(log.map((e) => e.id)).toEqual(model.commandIds);
	expect(log.map((e) => e.seq)).toEqual(model.commandIds.map((_, i) => i + 1));

	const outbox = await device.outbox();
	expect(outbox.filter((r) => r.state !== 'refused')).toEqual([]);
	expect(outbox.map((r) => r.id)).toEqual(
		log.filter((e) => e.status === 'refused').map((e) => e.id)
	);
	expect(outbox.map((r) => r.reason)).toEqual(
		log.filter((e) => e.status === 'refused').map((e) => e.reason)
	);
	// And the device holds the server's requests as the server has them.
	const serverRows = server.requestRows();
	const held = (await device.db.requests.toArray()).sort((a, b) => (a.id < b.id ? -1 : 1));
	expect(held).toEqual(serverRows);

	return {
		commands: log.map(({ id, seq, kind, status, reason }) => ({ id, seq, kind, status, reason })),
		requests: serverRows.map(({ createdAtMs: _c, updatedAtMs: _u, history, ...row }) => ({
			...row,
			history: history.map((h) => h.status)
		}))
	};
}

describe('the outbox, against a reference server and the real router, under any mix of faults', () => {
	it('every command reaches the server exactly once, in the order the person acted, nothing stays in flight, and the reference server ends as the real one does', async () => {
		expect(real.accountIds).toEqual([1, 2]);
		await fc.assert(
			fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 24 }), async (steps) => {
				const byReference = await trace(steps, new FakeSyncServer(real.accountIds));
				const byRouter = await trace(steps, real.reset());
				expect(byRouter).toEqual(byReference);
			}),
			{ seed: SEED, numRuns: RUNS, endOnFailure: false }
		);
	}, 240_000);
});
