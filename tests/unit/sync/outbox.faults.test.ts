/**
 * Named fault scenarios over the same harness as the model test: each is one story a person
 * could tell about their phone, with the engine, storage and reference server all real.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SYNC_PROTOCOL } from '../../../src/lib/domain/sync/protocol';
import { initialSyncStatus, type SyncProgress } from '../../../src/lib/client/sync/status.svelte';
import { mergeRequests } from '../../../src/lib/client/sync/view/requestsView';
import { FakeSyncServer } from './fakeServer';
import { enqueueCommand, InvalidCommandError } from '../../../src/lib/client/sync/outbox/enqueue';
import { aDevice, Device, testDb } from './harness';

const devices: Device[] = [];
async function setUp(...args: Parameters<typeof aDevice>) {
	const made = await aDevice(...args);
	devices.push(made.device);
	return made;
}
afterEach(async () => {
	await Promise.all(devices.splice(0).map((d) => d.destroy()));
});

const states = async (device: Device) => (await device.outbox()).map((r) => [r.seq, r.state]);

describe('a tab closed mid-push', () => {
	it('leaves its commands to the next start, and the server applies them once', async () => {
		const { server, network, device } = await setUp();
		await device.createRequest(1, 'inspection');
		await device.createRequest(1, 'sealing');

		network.nextPushFault = 'hangDelivered';
		const hung = network.whenHung();
		const syncing = device.engine.sync();
		await hung;
		device.engine.stop();
		await syncing;
		expect(await states(device)).toEqual([
			[1, 'sending'],
			[2, 'sending']
		]);

		await device.reload();
		expect(await states(device)).toEqual([
			[1, 'pending'],
			[2, 'pending']
		]);
		const outcome = await device.engine.sync();
		expect(outcome).toMatchObject({ ok: true, unacknowledged: 0 });
		expect(server.log.map((e) => e.seq)).toEqual([1, 2]);
		expect(await device.outbox()).toEqual([]);
		expect(await device.db.requests.count()).toBe(2);
	});
});

describe('the server refuses one command', () => {
	it('keeps the refusal with its reason, shows it beside the request, and the queue moves on', async () => {
		const { server, device } = await setUp();
		await device.createRequest(1, 'inspection');
		const second = await device.createRequest(1, 'inspection');
		await device.createRequest(1, 'sealing');

		const outcome = await device.engine.sync();

		expect(outcome.ok).toBe(true);
		expect(server.log.map((e) => e.status)).toEqual(['applied', 'refused', 'applied']);
		const outbox = await device.outbox();
		expect(outbox).toHaveLength(1);
		expect(outbox[0]).toMatchObject({
			id: second.id,
			state: 'refused',
			reason: 'error.request_already_open'
		});
		const view = mergeRequests(await device.db.requests.toArray(), outbox, 1);
		expect(view).toHaveLength(3);
		expect(view.find((r) => r.id === second.payload.requestId)?.needsAttention).toEqual({
			reason: 'error.request_already_open',
			commandId: second.id
		});
	});
});

describe('a gap', () => {
	it('after deliveries arrive out of order, the device resends from the seq the server expects', async () => {
		const { server, network, device } = await setUp();
		for (const kind of ['inspection', 'sealing', 'disconnection'] as const)
			await device.createRequest(1, kind);

		network.nextPushFault = 'reorder';
		const outcome = await device.engine.sync();

		expect(outcome).toMatchObject({ ok: true, unacknowledged: 0 });
		// The tail (seq 2, 3) arrived first and was refused as a gap; then 1, 2, 3 in order.
		expect(network.pushes.map((p) => p.commands.map((c) => c.seq))).toEqual([
			[1, 2, 3],
			[1, 2, 3]
		]);
		expect(server.log.map((e) => e.seq)).toEqual([1, 2, 3]);
		await network.deliverLate();
		expect(server.log).toHaveLength(3);
	});

	it('after the server lost this device’s history (a restore from backup), newer commands are renumbered and arrive once, in order', async () => {
		const { network, device } = await setUp();
		await device.createRequest(1, 'inspection');
		await device.createRequest(1, 'sealing');
		await device.engine.sync();
		expect(await device.outbox()).toEqual([]);

		network.server = new FakeSyncServer();
		const c = await device.createRequest(2, 'inspection');
		expect(c.seq).toBe(3);
		await device.engine.sync({ pull: false });

		expect(network.server.log.map((e) => [e.id, e.seq])).toEqual([[c.id, 1]]);
		const d = await device.createRequest(2, 'sealing');
		expect(d.seq).toBe(2);
		await device.engine.sync();
		expect(network.server.log.map((e) => [e.id, e.seq])).toEqual([
			[c.id, 1],
			[d.id, 2]
		]);
		expect(network.pushes.at(-1)?.commands.map((cmd) => cmd.seq)).toEqual([2]);
	});
});

describe('the app is too old for the server', () => {
	it('stops pushing, keeps the outbox, says so, and remembers it across a reload', async () => {
		const { server, network, device } = await setUp();
		await device.createRequest(1, 'inspection');
		server.minProtocol = SYNC_PROTOCOL + 1;

		const outcome = await device.engine.sync();
		expect(outcome).toMatchObject({ ok: false, updateRequired: true, unacknowledged: 1 });
		expect(device.status.updateRequired).toBe(true);
		expect(await states(device)).toEqual([[1, 'pending']]);

		const pushesBefore = network.pushes.length;
		await device.createRequest(1, 'sealing');
		await device.engine.sync();
		await device.reload();
		expect(device.status.updateRequired).toBe(true);
		await device.engine.sync();
		expect(network.pushes.length).toBe(pushesBefore);
		expect(await states(device)).toEqual([
			[1, 'pending'],
			[2, 'pending']
		]);
	});

	it('"Sync now" asks again, and once the server accepts, everything is delivered', async () => {
		const { server, device } = await setUp();
		await device.createRequest(1, 'inspection');
		server.minProtocol = SYNC_PROTOCOL + 1;
		await device.engine.sync();
		server.minProtocol = SYNC_PROTOCOL;

		const outcome = await device.engine.sync({ manual: true });
		expect(outcome).toMatchObject({ ok: true, updateRequired: false });
		expect(device.status.updateRequired).toBe(false);
		expect(server.log).toHaveLength(1);
		expect(await device.storage.blockedProtocol()).toBeNull();
	});
});

describe('no connection', () => {
	it('leaves commands pending with the reason and the attempt counted, and the next try delivers them', async () => {
		const { server, network, device } = await setUp();
		await device.createRequest(1, 'inspection');
		network.down = true;

		const failed = await device.engine.sync();
		expect(failed).toMatchObject({ ok: false, error: 'error.network', unacknowledged: 1 });
		expect(device.status.lastError).toBe('error.network');
		expect(await device.outbox()).toMatchObject([
			{ state: 'pending', attempts: 1, lastError: 'error.network' }
		]);

		network.down = false;
		const ok = await device.engine.sync();
		expect(ok.ok).toBe(true);
		expect(device.status.lastError).toBeNull();
		expect(server.log).toHaveLength(1);
		expect(await device.outbox()).toEqual([]);
	});

	it('a server that never answers times out, and the command is sent again later', async () => {
		const { server, network, device } = await setUp(new FakeSyncServer(), { timeoutMs: 20 });
		await device.createRequest(1, 'inspection');
		network.nextPushFault = 'hang';

		const failed = await device.engine.sync();
		expect(failed.error).toBe('error.timeout');
		expect(await device.outbox()).toMatchObject([{ state: 'pending', attempts: 1 }]);

		await device.engine.sync();
		expect(server.log).toHaveLength(1);
	});
});

describe('pulling', () => {
	async function serverWithRequests(n: number) {
		const server = new FakeSyncServer();
		const other = await aDevice(server);
		devices.push(other.device);
		const kinds = ['inspection', 'sealing', 'disconnection', 'meter_replacement'] as const;
		for (let i = 0; i < n; i++)
			await other.device.createRequest(1 + Math.floor(i / 4), kinds[i % 4]);
		await other.device.engine.sync({ pull: false });
		return server;
	}

	it('the first sync shows its progress page by page', async () => {
		const server = await serverWithRequests(5);
		const seen: Array<SyncProgress | null> = [];
		const status = new Proxy(
			{ ...initialSyncStatus() },
			{
				set(target, key, value) {
					if (key === 'progress') seen.push(value as SyncProgress | null);
					return Reflect.set(target, key, value);
				}
			}
		);
		const { device } = await setUp(server, { pullLimit: 2, status });
		await device.engine.sync();

		expect(seen).toEqual([
			{ done: 2, total: 5 },
			{ done: 4, total: 5 },
			{ done: 5, total: 5 },
			null
		]);
		expect(await device.db.requests.count()).toBe(5);
		expect(status.lastSyncedAtMs).not.toBeNull();
	});

	it('a later pull brings only what changed, and shows no progress bar for one page', async () => {
		const server = await serverWithRequests(2);
		const { network, device } = await setUp(server);
		await device.engine.sync();
		const first = await device.db.requests.toArray();
		server.accept(first[0].id);

		const pulls: Array<string | null> = [];
		const pull = network.pull.bind(network);
		network.pull = (input) => {
			pulls.push(input.cursor);
			return pull(input);
		};
		await device.engine.sync();
		expect(pulls).toHaveLength(1);
		expect(pulls[0]).not.toBeNull();
		expect((await device.db.requests.get(first[0].id))?.status).toBe('accepted');
		expect(device.status.progress).toBeNull();
	});

	it('an account no longer linked to this sign-in disappears from the device with everything of it', async () => {
		const { device } = await setUp();
		const { db, storage } = device;
		const account = (id: number) => ({
			id,
			number: `17260010${id}`,
			holderName: 'A',
			address: 'B',
			districtSoato: '1726',
			tariffClass: 'household' as const,
			balanceTiyin: 0,
			lastPayment: null,
			lastReading: null
		});
		const rowsOf = (accountId: number) => [
			{ table: 'accounts', op: 'put' as const, row: account(accountId) },
			{
				table: 'ledger',
				op: 'put' as const,
				row: {
					id: accountId * 10,
					accountId,
					kind: 'charge',
					amountTiyin: 100,
					date: '2026-01-31',
					operator: null,
					sourceRef: 'x'
				}
			},
			{
				table: 'readingMonths',
				op: 'put' as const,
				row: {
					id: `${accountId}:2026-01`,
					accountId,
					meterId: accountId,
					month: '2026-01',
					days: [1],
					firstWh: 0,
					deltasWh: [],
					estimatedDays: [],
					sources: 's'
				}
			}
		];
		const page = { more: false, remaining: 0, droppedAccountIds: [], serverTimeMs: 0 };
		const tariff = {
			table: 'tariffs',
			op: 'put' as const,
			row: {
				id: 'household-2025-05-01',
				tariffClass: 'household',
				effectiveFrom: '2025-05-01',
				blocks: []
			}
		};
		await storage.applyPullPage(
			{ ...page, cursor: 'c1', changes: [...rowsOf(1), ...rowsOf(2), tariff] },
			null
		);
		await storage.applyPullPage(
			{ ...page, cursor: 'c2', changes: [], droppedAccountIds: [2] },
			null
		);

		expect((await db.accounts.toArray()).map((a) => a.id)).toEqual([1]);
		expect((await db.ledger.toArray()).map((r) => r.accountId)).toEqual([1]);
		expect((await db.readingMonths.toArray()).map((r) => r.accountId)).toEqual([1]);
		// shared rows (tariffs) belong to no account and stay
		expect(await db.tariffs.count()).toBe(1);
		expect(await storage.cursor()).toBe('c2');
	});

	it('the server’s row takes the place of the optimistic one: the request shows all along, once', async () => {
		const { network, device } = await setUp();
		const made = await device.createRequest(1, 'inspection');
		const view = async () =>
			mergeRequests(await device.db.requests.toArray(), await device.outbox(), 1).map((r) => [
				r.id,
				r.pending
			]);
		expect(await view()).toEqual([[made.payload.requestId, true]]);

		await device.engine.sync({ pull: false });
		// pull: false, but a push that delivered something pulls right after it
		expect(await device.outbox()).toEqual([]);
		expect(await view()).toEqual([[made.payload.requestId, false]]);

		// Answered but not yet pulled (the pull failed): still shown once, no longer waiting.
		const second = await device.createRequest(1, 'sealing');
		const pull = network.pull.bind(network);
		network.pull = () => Promise.reject(new TypeError('Failed to fetch'));
		await device.engine.sync();
		expect((await device.outbox()).map((r) => r.state)).toEqual(['done']);
		expect(await view()).toEqual(
			expect.arrayContaining([
				[made.payload.requestId, false],
				[second.payload.requestId, false]
			])
		);
		network.pull = pull;
		await device.engine.sync();
		expect(await device.outbox()).toEqual([]);
		expect(await view()).toHaveLength(2);
	});
});

describe('the outbox', () => {
	it('numbers commands 1, 2, 3 without gaps, even when two tabs add at once', async () => {
		const { device } = await setUp();
		const otherTab = testDb(device.name);
		try {
			await Promise.all(
				Array.from({ length: 20 }, (_, i) =>
					enqueueCommand(i % 2 ? device.db : otherTab, 'request.cancel', {
						requestId: device.nextId()
					})
				)
			);
		} finally {
			otherTab.close();
		}
		const seqs = (await device.outbox()).map((r) => r.seq);
		expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
	});

	it('refuses a command its schema refuses, before it is stored', async () => {
		const { device } = await setUp();
		const attempt = device.enqueue('request.create', {
			accountId: 1,
			requestId: device.nextId(),
			kind: 'inspection',
			contactPhone: '90 123 45 67'
		});
		await expect(attempt).rejects.toBeInstanceOf(InvalidCommandError);
		await expect(attempt).rejects.toMatchObject({ fields: { contactPhone: 'error.phone_format' } });
		expect(await device.outbox()).toEqual([]);
	});

	it('asking to sync while a sync runs joins it rather than sending twice', async () => {
		const { network, device } = await setUp();
		await device.createRequest(1, 'inspection');
		const [a, b] = await Promise.all([device.engine.sync(), device.engine.sync()]);
		expect(a).toEqual(b);
		expect(network.pushes).toHaveLength(1);
	});

	it('keeps one device id for the life of the user’s database', async () => {
		const { device } = await setUp();
		const first = await device.storage.deviceId();
		await device.reload();
		expect(await device.storage.deviceId()).toBe(first);
	});
});

describe('a network interface that is up but reaches nothing', () => {
	it('says offline after a sync gets no answer, and online again once one does', async () => {
		const { network, device } = await setUp();
		await device.createRequest(1, 'inspection');
		// The browser believes it is online (navigator.onLine is true on a dead cell or captive Wi-Fi).
		expect(device.status.online).toBe(true);
		network.down = true;
		expect(await device.engine.sync()).toMatchObject({ ok: false, error: 'error.network' });
		expect(device.status.online).toBe(false);
		expect(device.status.lastError).toBe('error.network');
		network.down = false;
		expect(await device.engine.sync()).toMatchObject({ ok: true, unacknowledged: 0 });
		expect(device.status.online).toBe(true);
		expect(device.status.lastError).toBeNull();
	});

	it('a sync that ends after the device said offline does not turn it online again', async () => {
		const { device } = await setUp();
		await device.createRequest(1, 'inspection');
		vi.stubGlobal('navigator', { onLine: false });
		try {
			// The answer came, but the device went offline meanwhile (its 'offline' event fired).
			expect(await device.engine.sync()).toMatchObject({ ok: true });
			expect(device.status.online).toBe(false);
		} finally {
			vi.unstubAllGlobals();
		}
		expect(await device.engine.sync()).toMatchObject({ ok: true });
		expect(device.status.online).toBe(true);
	});
});
