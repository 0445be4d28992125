import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './helpers/test';
import { serverDb, serviceWorkerControls } from './helpers/app';
import { aJpeg } from './helpers/photos';
import {
	assignWorkOrder,
	cancelWorkOrderOnServer,
	photoOnServer,
	resultsOf
} from './helpers/workOrders';

// The inspector's day on a phone: the work order assigned to them is on the phone after one
// sync; a visit recorded with no network (seal, reading, photo, notes) stays on the phone through
// an offline reload, marked waiting, and reaches the server once when the network is back.

async function signInAsInspector(page: Page) {
	await page.goto('/login');
	await page.getByLabel('Login').fill('inspector');
	await page.getByLabel('Password').fill('inspect12345');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/inspector$/);
}

/** A reading a little above the meter's last one (a lower one is held for review), as the
 * person types it: with a decimal comma. */
function nextReadingTyped(meterSerial: string): { typed: string; kwh: string } {
	const db = serverDb();
	try {
		const { wh } = db
			.prepare(
				'select max(r.value_wh) as wh from readings r join meters m on m.id = r.meter_id where m.serial = ?'
			)
			.get(meterSerial) as { wh: number | null };
		const next = Math.floor((wh ?? 0) / 1000) + 7;
		return { typed: `${next},7`, kwh: `${next}.7` };
	} finally {
		db.close();
	}
}

test('an inspector records a sealing offline; it survives a reload and reaches the server once, photo too', async ({
	page,
	context
}) => {
	const order = assignWorkOrder({ kind: 'sealing', note: 'Seal the meter after the check' });
	const newSeal = `E2E-${Date.now() % 100_000_000}`;
	await page.setViewportSize({ width: 360, height: 640 });
	await signInAsInspector(page);

	const card = page.locator(`[data-order="${order.id}"]`);
	await expect(card).toBeVisible();
	await expect(card).toContainText(order.address);
	await expect(card).toContainText(`Account ${order.accountNumber}`);
	await expect(card).toContainText(order.holderName);
	await expect(card).toContainText(`Meter ${order.meterSerial}`);
	await expect(card).toContainText('Seal the meter after the check');
	await expect(card.getByTestId('order-state')).toHaveText('To do');
	await expect(page.getByText(/^Updated /)).toBeVisible();
	await serviceWorkerControls(page);
	expect(
		await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)
	).toBeLessThanOrEqual(0);

	await context.setOffline(true);
	await card.getByRole('link', { name: /Open the order/ }).click();
	await expect(page).toHaveURL(new RegExp(`/inspector/${order.id}$`));
	await expect(page.getByRole('heading', { level: 1, name: order.address })).toBeVisible();
	if (order.sealNumber)
		await expect(page.getByLabel('Removed seal number')).toHaveValue(order.sealNumber);

	const formA11y = await new AxeBuilder({ page }).analyze();
	expect(
		formA11y.violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => v.id)
	).toEqual([]);

	// Saving with nothing typed: the schema's message beside the field, nothing in the outbox.
	await page.getByRole('button', { name: 'Save the result' }).click();
	await expect(page.getByText('Type the number of the new seal.')).toBeVisible();

	await page.getByLabel('New seal number').fill(newSeal.toLowerCase());
	const reading = nextReadingTyped(order.meterSerial);
	await page.getByLabel('Meter reading, kWh').fill(reading.typed);
	await page.getByTestId('photo-input').setInputFiles({
		name: 'meter.jpg',
		mimeType: 'image/jpeg',
		buffer: await aJpeg(page, 'seal')
	});
	await expect(page.getByRole('img', { name: 'Photo 1' })).toBeVisible();
	await page.getByLabel('Notes').fill('Old seal was cut; resident present');
	await page.getByRole('button', { name: 'Save the result' }).click();

	const recorded = page.getByTestId('recorded-result');
	await expect(recorded).toBeVisible();
	await expect(page.getByTestId('order-state')).toHaveText('Waiting to send');
	await expect(page.getByTestId('recorded-seal')).toHaveText(newSeal);

	// Offline reload: the shell from the service worker, the result from the outbox.
	await page.reload();
	await expect(page.getByTestId('order-state')).toHaveText('Waiting to send');
	await expect(page.getByTestId('recorded-seal')).toHaveText(newSeal);
	await expect(page.getByTestId('recorded-notes')).toHaveText('Old seal was cut; resident present');
	await expect(page.getByTestId('recorded-photos').getByRole('img')).toHaveCount(1);
	await page.goto('/inspector');
	await expect(card.getByTestId('order-state')).toHaveText('Waiting to send');
	expect(resultsOf(order.id)).toEqual([]);

	await context.setOffline(false);
	await expect(card.getByTestId('order-state')).toHaveText('Sent', { timeout: 30_000 });
	const results = resultsOf(order.id);
	expect(results).toHaveLength(1);
	expect(results[0].payload).toMatchObject({
		newSeal,
		readingKwh: reading.kwh,
		notes: 'Old seal was cut; resident present'
	});
	expect(results[0].payload.photos).toHaveLength(1);
	const { sha256 } = results[0].payload.photos[0];
	await expect
		.poll(() => photoOnServer(sha256), { timeout: 30_000 })
		.toMatchObject({ complete: true });

	// A later sync does not send it again.
	await page.reload();
	await expect(card.getByTestId('order-state')).toHaveText('Sent');
	expect(resultsOf(order.id)).toHaveLength(1);

	const a11y = await new AxeBuilder({ page }).analyze();
	expect(
		a11y.violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => v.id)
	).toEqual([]);
});

test('an order the office cancels while its form is open keeps what the inspector typed, and the result still reaches the server', async ({
	page
}) => {
	const order = assignWorkOrder({ kind: 'meter_check' });
	await page.setViewportSize({ width: 360, height: 640 });
	await signInAsInspector(page);
	await page
		.locator(`[data-order="${order.id}"]`)
		.getByRole('link', { name: /Open the order/ })
		.click();
	const reading = nextReadingTyped(order.meterSerial);
	await page.getByLabel('Meter reading, kWh').fill(reading.typed);
	await page.getByLabel('Notes').fill('Resident says the meter hums at night');

	cancelWorkOrderOnServer(order.id);
	await page.getByRole('button', { name: 'Sync now' }).click();
	await expect(page.getByTestId('closed-while-open')).toContainText(
		'The office closed this order while you had it open.'
	);
	await expect(page.getByLabel('Notes')).toHaveValue('Resident says the meter hums at night');
	await expect(page.getByLabel('Meter reading, kWh')).toHaveValue(reading.typed);

	for (const name of ['Seal intact', 'Casing intact', 'No bypass wiring', 'Display works'])
		await page.getByRole('radiogroup', { name }).getByLabel('Yes').check();
	await page.getByLabel('In order').check();
	await page.getByRole('button', { name: 'Save the result' }).click();
	await expect(page.getByTestId('recorded-result')).toBeVisible();
	await expect.poll(() => resultsOf(order.id).length, { timeout: 15_000 }).toBe(1);
	expect(resultsOf(order.id)[0].payload.notes).toBe('Resident says the meter hums at night');
});

test('a resident who opens the inspector’s pages is sent to their own home', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('Login').fill('demo');
	await page.getByLabel('Password').fill('demo12345');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/$/);
	await page.goto('/inspector');
	await expect(page).toHaveURL(/\/$/);
	await expect(page.getByTestId('work-order')).toHaveCount(0);
});
