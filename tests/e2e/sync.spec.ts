import { expect, test, type Page, pinClock } from './helpers/test';
import { serviceWorkerControls } from './helpers/app';
import { makeNetworkFlaky } from './helpers/flakyNetwork';
import { Office } from './helpers/office';
import {
	cancelRequest,
	chooseAccount,
	expectNothingWaiting,
	fileRequest,
	openRequests,
	requestCard,
	type NewRequest
} from './helpers/requestsPage';
import {
	serverCommandsFor,
	serverCommandsOfDevice,
	serverRequestsWithNotes
} from './helpers/serverRequests';
import { ServerProcess } from './helpers/serverProcess';

// Notes make each request findable on the page and on the server; the run token keeps them
// apart from earlier runs against the same database.
const run = Date.now().toString(36);
const note = (text: string) => `${text} (${run})`;

/** Each request as the server has it, in the order the person made them, with its commands. */
function serverTruth(notes: string[], dataDir?: string) {
	const requests = serverRequestsWithNotes(notes, dataDir);
	const commands = serverCommandsFor(
		requests.map((r) => r.id),
		dataDir
	);
	const noteOf = new Map(requests.map((r) => [r.id, r.note]));
	return {
		requests,
		commands,
		/** The notes of the requests in the order their commands were numbered on the device. */
		notesBySeq: commands
			.filter((c) => c.kind === 'request.create')
			.map((c) => noteOf.get(c.requestId!))
	};
}

test.describe('sync', () => {
	// An account has one open request of a kind at a time: each test starts with none open.
	test.beforeEach(async ({ baseURL }) => {
		const office = await Office.signIn(baseURL!);
		await office.removeOpenDemoRequests();
		await office.dispose();
	});

	test('a request made offline is still there, waiting to send, after reloading with no network, and reaches the server once when the network returns', async ({
		page,
		context
	}) => {
		await openRequests(page);
		await serviceWorkerControls(page);
		const text = note('Wires hanging over the gate');

		await context.setOffline(true);
		await fileRequest(page, { kind: 'disconnection', note: text });
		await page.reload();
		await expect(page.getByRole('heading', { name: 'Service requests' })).toBeVisible();
		await expect(requestCard(page, text)).toContainText('Disconnection');
		await expect(requestCard(page, text).getByTestId('request-status')).toHaveText(
			'Status: Waiting to send'
		);
		await expect(page.getByTestId('pending-count')).toHaveText('1 change waiting to send');
		expect(serverRequestsWithNotes([text])).toEqual([]);

		await context.setOffline(false);
		await expect(requestCard(page, text).getByTestId('request-status')).toContainText('Submitted');
		await expectNothingWaiting(page);
		const truth = serverTruth([text]);
		expect(truth.requests).toMatchObject([{ note: text, status: 'submitted' }]);
		expect(truth.commands).toMatchObject([{ kind: 'request.create', status: 'applied' }]);
	});

	// Another seed: SYNC_E2E_SEED=7 npx playwright test tests/e2e/sync.spec.ts
	const seed = Number(process.env.SYNC_E2E_SEED ?? 3);
	test(`requests made on a network that loses and repeats messages each reach the server once, in the order they were made (seed ${seed})`, async ({
		page,
		context
	}) => {
		// The engine retries by itself, after 1–2 s, 2–4 s, 4–8 s … when failures come in a row.
		test.slow();
		await openRequests(page);
		await expect(page.getByText(/^Updated /)).toBeVisible();
		const requests: NewRequest[] = [
			{ account: '1726001001', kind: 'disconnection', note: note('Flaky 1: smell of burning') },
			{ account: '1726001002', kind: 'meter_replacement', note: note('Flaky 2: display dark') },
			{ account: '1726001001', kind: 'inspection', note: note('Flaky 3: disc spins with all off') },
			{ account: '1726001002', kind: 'sealing', note: note('Flaky 4: seal missing') },
			{ account: '1726001001', kind: 'sealing', note: note('Flaky 5: seal cracked') },
			{ account: '1726001002', kind: 'disconnection', note: note('Flaky 6: moving out') }
		];
		const notes = requests.map((r) => r.note);

		const network = await makeNetworkFlaky(context, { seed });
		for (const request of requests) await fileRequest(page, request);
		await expectNothingWaiting(page, 150_000);
		await network.heal();
		test.info().annotations.push({
			type: 'network',
			description: network.log.map((l) => `${l.procedure}: ${l.fate}`).join(', ')
		});
		const pushFates = network.log.filter((l) => l.procedure === 'sync.push').map((l) => l.fate);
		expect(pushFates).toEqual(expect.arrayContaining(['lost before', 'lost after', 'twice']));

		for (const account of ['1726001001', '1726001002']) {
			await chooseAccount(page, account);
			for (const r of requests.filter((r) => r.account === account))
				await expect(requestCard(page, r.note).getByTestId('request-status')).toContainText(
					'Submitted'
				);
			await expectNothingWaiting(page);
		}

		const truth = serverTruth(notes);
		expect(truth.requests.map((r) => r.note).sort()).toEqual([...notes].sort());
		expect(truth.notesBySeq).toEqual(notes);
		const deviceId = truth.commands[0].deviceId;
		// Nothing else from this device either: no second delivery recorded, nothing refused.
		expect(
			serverCommandsOfDevice(deviceId).map(({ seq, kind, status }) => ({ seq, kind, status }))
		).toEqual(notes.map((_, i) => ({ seq: i + 1, kind: 'request.create', status: 'applied' })));
	});

	test('with two tabs open, one of them sends for both, both show every request, and when it closes the other takes over', async ({
		context
	}) => {
		const first = await context.newPage();
		await openRequests(first);
		await expect(first.getByText(/^Updated /)).toBeVisible();
		const second = await context.newPage();
		await second.goto('/requests');
		await expect(second.getByRole('heading', { name: 'Service requests' })).toBeVisible();
		const tabs = { first, second };
		const pushes = { first: 0, second: 0 };
		for (const name of ['first', 'second'] as const)
			tabs[name].on('request', (r) => {
				if (r.url().includes('sync.push')) pushes[name]++;
			});

		const made: Array<[Page, NewRequest]> = [
			[first, { kind: 'disconnection', note: note('Tab one: switch sparks') }],
			[second, { kind: 'inspection', note: note('Tab two: reading too high') }],
			[first, { kind: 'sealing', note: note('Tab one: seal torn') }],
			[second, { kind: 'meter_replacement', note: note('Tab two: glass broken') }]
		];
		for (const [tab, request] of made) await fileRequest(tab, request);
		for (const tab of [first, second]) {
			for (const [, request] of made)
				await expect(requestCard(tab, request.note).getByTestId('request-status')).toContainText(
					'Submitted'
				);
			await expectNothingWaiting(tab);
		}
		// Only the tab holding the sync lock sends, whichever tab the person used.
		const pushing = (['first', 'second'] as const).filter((name) => pushes[name] > 0);
		expect(pushing).toHaveLength(1);
		const truth = serverTruth(made.map(([, r]) => r.note));
		expect(truth.notesBySeq).toEqual(made.map(([, r]) => r.note));
		expect(truth.commands).toHaveLength(made.length);

		const [leader] = pushing;
		const survivor = leader === 'first' ? 'second' : 'first';
		await tabs[leader].close();
		const after = note('After the first tab closed: meter moved');
		await fileRequest(tabs[survivor], { account: '1726001002', kind: 'inspection', note: after });
		await expect(requestCard(tabs[survivor], after).getByTestId('request-status')).toContainText(
			'Submitted'
		);
		await expectNothingWaiting(tabs[survivor]);
		expect(pushes[survivor]).toBeGreaterThan(0);
		expect(serverTruth([after]).commands).toMatchObject([
			{ kind: 'request.create', status: 'applied' }
		]);
	});

	test('a status the office sets shows on the open page within 2 seconds, without a reload', async ({
		page,
		baseURL
	}) => {
		await openRequests(page);
		const text = note('Live: the meter hums');
		await fileRequest(page, { kind: 'inspection', note: text });
		const card = requestCard(page, text);
		await expect(card.getByTestId('request-status')).toContainText('Submitted');
		await expectNothingWaiting(page);
		const requestId = (await card.getAttribute('data-request'))!;
		let reloaded = false;
		page.on('framenavigated', (frame) => (reloaded ||= frame === page.mainFrame()));

		const office = await Office.signIn(baseURL!);
		try {
			const sentAtMs = Date.now();
			await office.setStatus(requestId, 'accepted');
			await expect(card.getByTestId('request-status')).toContainText('Accepted', {
				timeout: Math.max(0, sentAtMs + 2_000 - Date.now())
			});
			test
				.info()
				.annotations.push({ type: 'shown after', description: `${Date.now() - sentAtMs} ms` });
		} finally {
			await office.dispose();
		}
		expect(reloaded).toBe(false);
	});
});

test.describe('a server that dies mid-push', () => {
	// Its own server process, on a copy of the test server's database, so that it can be killed.
	let server: ServerProcess | undefined;
	test.beforeAll(async () => {
		server = await ServerProcess.create();
		await server.start();
	});
	test.afterEach(async () => {
		const testInfo = test.info();
		if (server && testInfo.status !== testInfo.expectedStatus)
			await testInfo.attach('server output', { body: server.log, contentType: 'text/plain' });
	});
	test.afterAll(async () => {
		await server?.dispose();
	});

	test('requests made offline reach the server once each, in order, though the server is killed as they are sent, and again after saving them but before answering', async ({
		browser
	}) => {
		test.slow();
		const own = server!;
		const office = await Office.signIn(own.baseURL);
		await office.removeOpenDemoRequests();
		await office.dispose();
		const context = await pinClock(await browser.newContext({ baseURL: own.baseURL }));
		const page = await context.newPage();
		try {
			await openRequests(page);
			await expect(page.getByText(/^Updated /)).toBeVisible();
			await context.setOffline(true);
			const kinds = ['disconnection', 'meter_replacement', 'inspection', 'sealing'] as const;
			const made: NewRequest[] = [];
			const cancelled: string[] = [];
			for (const account of ['1726001001', '1726001002']) {
				for (const kind of kinds) {
					const request = { account, kind, note: note(`Killed server: ${kind} on ${account}`) };
					await fileRequest(page, request);
					made.push(request);
				}
				// The person changes their mind about two of them, still offline.
				for (const request of made.slice(-2)) {
					await cancelRequest(page, request.note);
					cancelled.push(request.note);
				}
			}
			const notes = made.map((r) => r.note);
			await expect(page.getByTestId('pending-count')).toHaveText('12 changes waiting to send');

			// The server dies twice while the outbox goes out: with the first push on its way (it
			// never arrives), and after the next push that arrives is saved, before it is answered.
			// Pushes in between, while the server is down, fail as they would anyway.
			let firstSent = false;
			let saved = false;
			let deaths = 0;
			const isPush = (url: URL) => url.pathname.endsWith('/sync.push');
			await page.route(isPush, async (route) => {
				if (!firstSent) {
					firstSent = true;
					await own.kill();
					deaths++;
					return route.continue();
				}
				if (saved) return route.fallback();
				const answer = await route.fetch().catch(() => null);
				if (!answer) return route.abort('connectionrefused');
				saved = true;
				await own.kill();
				deaths++;
				return route.abort('connectionreset');
			});
			await context.setOffline(false);
			await expect.poll(() => deaths).toBe(1);
			expect(serverRequestsWithNotes(notes, own.dataDir)).toEqual([]);
			await own.start();
			await expect.poll(() => deaths, { timeout: 60_000 }).toBe(2);
			expect(
				serverRequestsWithNotes(notes, own.dataDir)
					.map((r) => [r.note, r.status])
					.sort()
			).toEqual(notes.map((n) => [n, cancelled.includes(n) ? 'cancelled' : 'submitted']).sort());
			await expect(page.getByTestId('pending-count')).toHaveText('12 changes waiting to send');
			await page.unroute(isPush);
			await own.start();

			await expectNothingWaiting(page, 60_000);
			for (const account of ['1726001001', '1726001002']) {
				await chooseAccount(page, account);
				for (const r of made.filter((r) => r.account === account))
					await expect(requestCard(page, r.note).getByTestId('request-status')).toContainText(
						cancelled.includes(r.note) ? 'Cancelled' : 'Submitted'
					);
				await expectNothingWaiting(page);
			}

			const truth = serverTruth(notes, own.dataDir);
			expect(truth.requests.map((r) => [r.note, r.status]).sort()).toEqual(
				notes.map((n) => [n, cancelled.includes(n) ? 'cancelled' : 'submitted']).sort()
			);
			const idOf = new Map(truth.requests.map((r) => [r.id, r.note]));
			// Every command once, applied, in the order the person acted: 4 new, 2 cancelled, twice.
			const device = serverCommandsOfDevice(truth.commands[0].deviceId, own.dataDir);
			expect(device.map((c) => [c.seq, c.kind, c.status, idOf.get(c.requestId!)])).toEqual(
				[
					...notes.slice(0, 4),
					...notes.slice(2, 4),
					...notes.slice(4, 8),
					...notes.slice(6, 8)
				].map((n, i) => [i + 1, i % 6 < 4 ? 'request.create' : 'request.cancel', 'applied', n])
			);
		} finally {
			await context.close();
		}
	});
});
