import Database from 'better-sqlite3';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { request } from '@playwright/test';
import { E2E_DATA_DIR } from '../../playwright.config';
import { uuidv7 } from '../../src/lib/client/sync/outbox/uuidv7';
import { SYNC_PROTOCOL } from '../../src/lib/domain/sync/protocol';
import { E2E_NOW_MS, expect, test, type Page } from './helpers/test';
import { signIn } from './helpers/app';
import { Office } from './helpers/office';

/**
 * The office's order for the request, written straight into the test server's database as the
 * assigning procedure would leave it (that procedure is built in parallel): the row, its
 * assignee and a version, so the inspector's push finds an order that is theirs.
 */
function orderForRequest(reason: string): { orderId: string; requestId: string } {
	const db = new Database(join(E2E_DATA_DIR, 'tok.sqlite'), { fileMustExist: true });
	db.pragma('busy_timeout = 10000');
	try {
		return db.transaction(() => {
			const target = db
				.prepare(
					`select r.id as requestId, r.account_id as accountId, m.id as meterId, u.id as inspectorId
					 from service_requests r
					 join meters m on m.account_id = r.account_id and m.removed_on is null,
					 users u where r.reason = ? and u.login = 'inspector'`
				)
				.get(reason) as {
				requestId: string;
				accountId: number;
				meterId: number;
				inspectorId: number;
			};
			db.prepare('insert into sync_state (id, version) values (1, 0) on conflict do nothing').run();
			const { version } = db
				.prepare('update sync_state set version = version + 1 where id = 1 returning version')
				.get() as { version: number };
			const orderId = uuidv7(Date.now());
			db.prepare(
				`insert into work_orders (id, request_id, account_id, meter_id, kind, status, inspector_user_id,
				 created_at_ms, updated_at_ms, version) values (?, ?, ?, ?, 'sealing', 'assigned', ?, ?, ?, ?)`
			).run(
				orderId,
				target.requestId,
				target.accountId,
				target.meterId,
				target.inspectorId,
				E2E_NOW_MS,
				E2E_NOW_MS,
				version
			);
			db.prepare(
				'insert into work_order_assignees (work_order_id, inspector_user_id, assigned_at_ms) values (?, ?, ?)'
			).run(orderId, target.inspectorId, E2E_NOW_MS);
			return { orderId, requestId: target.requestId };
		})();
	} finally {
		db.close();
	}
}

/** The inspector's phone sends its result, over the real tRPC HTTP API. */
async function inspectorSeals(baseURL: string, orderId: string, newSeal: string) {
	const api = await request.newContext({ baseURL });
	try {
		const signedIn = await api.post('/api/trpc/auth.signIn', {
			data: { login: 'inspector', password: 'inspect12345' }
		});
		expect(signedIn.ok()).toBe(true);
		const payload = {
			resultId: uuidv7(Date.now()),
			workOrderId: orderId,
			kind: 'sealing',
			recordedAtMs: E2E_NOW_MS,
			newSeal
		};
		const pushed = await api.post('/api/trpc/sync.push', {
			data: {
				protocol: SYNC_PROTOCOL,
				deviceId: randomUUID(),
				commands: [
					{ id: uuidv7(Date.now()), seq: 1, kind: 'inspection.record', payload, createdAtMs: 1 }
				]
			}
		});
		const body = (await pushed.json()) as {
			result: { data: { results: Array<{ status: string; result?: { outcome: string } }> } };
		};
		expect(body.result.data.results[0]).toMatchObject({
			status: 'applied',
			result: { outcome: 'applied' }
		});
	} finally {
		await api.dispose();
	}
}

async function openRequests(page: Page) {
	await signIn(page);
	await page
		.getByRole('navigation', { name: 'Main menu' })
		.getByRole('link', { name: 'Requests' })
		.click();
	await expect(page.getByLabel('Type of request')).toBeVisible();
}

test.beforeEach(async ({ baseURL }) => {
	const office = await Office.signIn(baseURL!);
	await office.removeOpenDemoRequests();
	await office.dispose();
});

test('the resident sees their sealing request done, with the new seal number, as soon as the inspector’s result lands', async ({
	page,
	baseURL
}) => {
	await openRequests(page);
	const reason = `Seal missing ${Date.now()}`;
	await page.getByLabel('Type of request').selectOption('sealing');
	await page.getByLabel(/^Reason/).fill(reason);
	await page.getByRole('button', { name: 'Send request' }).click();
	const card = page.locator('article[data-request]', { hasText: reason });
	await expect(card.getByTestId('request-status')).toHaveText('Status: Submitted');
	await expect(card.getByTestId('request-seal')).toHaveCount(0);

	const { orderId } = orderForRequest(reason);
	const seal = `TK-${String(Date.now()).slice(-8)}`;
	await inspectorSeals(baseURL!, orderId, seal);

	// Live: the push pokes the account's users, the page pulls, no reload.
	await expect(card.getByTestId('request-status')).toHaveText('Status: Done');
	await expect(card.getByText('New seal number')).toBeVisible();
	await expect(card.getByTestId('request-seal')).toHaveText(seal);

	// And from the phone's own copy after a reload.
	await page.reload();
	await expect(
		page.locator('article[data-request]', { hasText: reason }).getByTestId('request-seal')
	).toHaveText(seal);
});
