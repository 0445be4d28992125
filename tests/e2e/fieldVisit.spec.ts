import { expect, pinClock, test } from './helpers/test';
import { serverDb, serviceWorkerControls } from './helpers/app';
import { aJpeg } from './helpers/photos';
import { chooseAccount, openRequests } from './helpers/requestsPage';
import { Office } from './helpers/office';
import { photoOnServer, resultsOf } from './helpers/workOrders';

// The whole road of a sealing request, each person in their own browser: the resident files it;
// the operator accepts it in the back office and gives it to `inspector`; the inspector's phone
// syncs it, loses the network, records the seal, a reading, a photo and notes, reloads offline
// (still there, waiting), comes back online; the server holds the result once with its photo,
// and the resident's open app shows the request done with the new seal — without a reload.

const ACCOUNT = '1726001002';

function requestIdByNote(note: string): string {
	const db = serverDb();
	try {
		return (
			db.prepare('select id from service_requests where note = ?').get(note) as { id: string }
		).id;
	} finally {
		db.close();
	}
}

function workOrderOf(requestId: string): { id: string; status: string } | undefined {
	const db = serverDb();
	try {
		return db.prepare('select id, status from work_orders where request_id = ?').get(requestId) as
			{ id: string; status: string } | undefined;
	} finally {
		db.close();
	}
}

/** A reading a little above the meter's last one: the register never runs backwards. */
function nextReadingKwh(accountNumber: string): string {
	const db = serverDb();
	try {
		const { wh } = db
			.prepare(
				`select max(r.value_wh) as wh from readings r join meters m on m.id = r.meter_id
				 join accounts a on a.id = m.account_id where a.number = ? and m.removed_on is null`
			)
			.get(accountNumber) as { wh: number };
		const next = wh + 2_500;
		return `${Math.floor(next / 1000)}.${String(next % 1000).padStart(3, '0')}`;
	} finally {
		db.close();
	}
}

test.beforeEach(async ({ baseURL }) => {
	const office = await Office.signIn(baseURL!);
	await office.removeOpenDemoRequests();
	await office.dispose();
});

test('a sealing request goes from the resident through the office and an offline inspector, and comes back done with its seal, live', async ({
	page: resident,
	browser
}) => {
	test.setTimeout(180_000);
	const note = `Seal broken, field visit ${Date.now()}`;
	const seal = `FV-${String(Date.now()).slice(-8)}`;

	// The resident files the request on account 1726001002 and keeps the page open.
	await openRequests(resident);
	await chooseAccount(resident, ACCOUNT);
	await resident.getByLabel('Type of request').selectOption('sealing');
	await resident.getByLabel(/^Note/).fill(note);
	await resident.getByRole('button', { name: 'Send request' }).click();
	const card = resident.locator('article[data-request]', { hasText: note });
	await expect(card.getByTestId('request-status')).toHaveText('Status: Submitted', {
		timeout: 20_000
	});
	await expect.poll(() => requestIdByNote(note).length).toBeGreaterThan(0);
	const requestId = requestIdByNote(note);

	// The operator, at a desk: the request's page in the back office; accept; assign.
	const officeContext = await pinClock(await browser.newContext());
	const office = await officeContext.newPage();
	await office.goto('/login');
	await office.getByLabel('Login').fill('operator');
	await office.getByLabel('Password').fill('operate12345');
	await office.getByRole('button', { name: 'Sign in' }).click();
	await expect(office).toHaveURL(/\/office$/);
	await office.goto(`/office/requests/${requestId}`);
	await expect(office.getByText(ACCOUNT).first()).toBeVisible();
	await office.getByRole('button', { name: 'Accept' }).click();
	await expect(office.getByTestId('request-status')).toHaveAttribute('data-status', 'accepted');
	await expect(card.getByTestId('request-status')).toHaveText('Status: Accepted', {
		timeout: 20_000
	});
	const assign = office.getByTestId('assign-form');
	await assign
		.getByRole('combobox', { name: 'Inspector', exact: true })
		.selectOption({ label: 'Inspector (inspector)' });
	await assign.getByLabel(/^Instruction/).fill('Take a new seal from the district stock');
	await assign.getByRole('button', { name: 'Assign' }).click();
	await expect.poll(() => workOrderOf(requestId)?.status).toBe('assigned');
	const orderId = workOrderOf(requestId)!.id;

	// The inspector's phone: the order arrives with the first sync.
	const phoneContext = await pinClock(
		await browser.newContext({ viewport: { width: 360, height: 640 } })
	);
	const phone = await phoneContext.newPage();
	await phone.goto('/login');
	await phone.getByLabel('Login').fill('inspector');
	await phone.getByLabel('Password').fill('inspect12345');
	await phone.getByRole('button', { name: 'Sign in' }).click();
	await expect(phone).toHaveURL(/\/inspector$/);
	const order = phone.locator(`[data-order="${orderId}"]`);
	await expect(order).toBeVisible({ timeout: 20_000 });
	await expect(order).toContainText(`Account ${ACCOUNT}`);
	await expect(order).toContainText('Take a new seal from the district stock');
	await serviceWorkerControls(phone);

	// In the basement: no network from here until the visit is recorded and reloaded.
	await phoneContext.setOffline(true);
	await order.getByRole('link', { name: /Open the order/ }).click();
	await expect(phone).toHaveURL(new RegExp(`/inspector/${orderId}$`));
	await phone.getByLabel('New seal number').fill(seal);
	const reading = nextReadingKwh(ACCOUNT);
	await phone.getByLabel('Meter reading, kWh').fill(reading);
	await phone.getByTestId('photo-input').setInputFiles({
		name: 'seal.jpg',
		mimeType: 'image/jpeg',
		buffer: await aJpeg(phone, 'visit')
	});
	await expect(phone.getByRole('img', { name: 'Photo 1' })).toBeVisible();
	await phone.getByLabel('Notes').fill('New seal on the terminal cover');
	await phone.getByRole('button', { name: 'Save the result' }).click();
	await expect(phone.getByTestId('order-state')).toHaveText('Waiting to send');

	await phone.reload();
	await expect(phone.getByTestId('order-state')).toHaveText('Waiting to send');
	await expect(phone.getByTestId('recorded-seal')).toHaveText(seal);
	await expect(phone.getByTestId('recorded-photos').getByRole('img')).toHaveCount(1);
	expect(resultsOf(orderId)).toEqual([]);
	await expect(card.getByTestId('request-status')).not.toHaveText('Status: Done');

	// Back in signal: the result goes once, its photo after it.
	await phoneContext.setOffline(false);
	await expect(phone.getByTestId('order-state')).toHaveText('Sent', { timeout: 30_000 });
	const results = resultsOf(orderId);
	expect(results).toHaveLength(1);
	expect(results[0].payload).toMatchObject({
		newSeal: seal,
		readingKwh: reading,
		notes: 'New seal on the terminal cover'
	});
	const { sha256 } = results[0].payload.photos[0];
	await expect
		.poll(() => photoOnServer(sha256), { timeout: 30_000 })
		.toMatchObject({ complete: true });

	// The resident's page, open all along: done, with the new seal, without a reload.
	await expect(card.getByTestId('request-status')).toHaveText('Status: Done', {
		timeout: 20_000
	});
	await expect(card.getByTestId('request-seal')).toHaveText(seal);

	// Nothing was applied twice: one result, one seal row, the order done.
	await phone.reload();
	await expect(phone.getByTestId('order-state')).toHaveText('Sent');
	expect(resultsOf(orderId)).toHaveLength(1);
	const db = serverDb();
	try {
		expect(
			(db.prepare('select count(*) as n from seals where number = ?').get(seal) as { n: number }).n
		).toBe(1);
		expect(workOrderOf(requestId)?.status).toBe('done');
	} finally {
		db.close();
	}
	await officeContext.close();
	await phoneContext.close();
});
