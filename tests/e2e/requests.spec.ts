import { e2eToday, expect, test, type Page } from './helpers/test';
import { addDays, typedDay } from '../../src/lib/domain/dates';
import { englishDate, serverDb, signIn } from './helpers/app';
import { Office } from './helpers/office';

function requestsWithReason(reason: string): Array<{ status: string }> {
	const db = serverDb();
	try {
		return db.prepare('select status from service_requests where reason = ?').all(reason) as Array<{
			status: string;
		}>;
	} finally {
		db.close();
	}
}

async function openRequests(page: Page) {
	await signIn(page);
	await page
		.getByRole('navigation', { name: 'Main menu' })
		.getByRole('link', { name: 'Requests' })
		.click();
	await expect(page.getByRole('heading', { name: 'Service requests' })).toBeVisible();
	// The first sync must have brought the accounts before a test takes the network away.
	await expect(page.getByLabel('Type of request')).toBeVisible();
}

async function fileRequest(page: Page, kind: string, reason: string) {
	await page.getByLabel('Type of request').selectOption(kind);
	await page.getByLabel(/^Reason/).fill(reason);
	await page.getByRole('button', { name: 'Send request' }).click();
	await expect(page.getByRole('status').filter({ hasText: /^Request saved/ })).toBeVisible();
}

const card = (page: Page, text: string) => page.locator('article[data-request]', { hasText: text });

test.describe('service requests', () => {
	// An account has one open request of a kind at a time: each test starts with none open.
	test.beforeEach(async ({ baseURL }) => {
		const office = await Office.signIn(baseURL!);
		await office.removeOpenDemoRequests();
		await office.dispose();
	});

	test('a request made offline shows as waiting to send, and reaches the server once when the network returns', async ({
		page,
		context
	}) => {
		await openRequests(page);
		const reason = `Seal broken after the storm ${Date.now()}`;

		await context.setOffline(true);
		await page.getByLabel(/^Contact phone/).fill('+998 90 123 45 67');
		await fileRequest(page, 'sealing', reason);

		await expect(card(page, reason)).toContainText('Meter sealing');
		await expect(page.getByRole('status').filter({ hasText: /^Request saved/ })).toHaveText(
			'Request saved on this phone. There is no connection: it is sent as soon as there is one.'
		);
		// One status, not "Submitted" beside "Waiting to send".
		const status = card(page, reason).getByTestId('request-status');
		await expect(status).toHaveText('Status: Waiting to send');
		await expect(card(page, reason)).not.toContainText('Submitted');
		await expect(page.getByTestId('pending-count')).toHaveText('1 change waiting to send');
		expect(requestsWithReason(reason)).toEqual([]);

		await context.setOffline(false);
		await expect(status).toHaveText('Status: Submitted');
		await expect(card(page, reason)).not.toContainText('Waiting to send');
		await expect(card(page, reason)).toContainText('+998901234567');
		await expect(page.getByTestId('pending-count')).toHaveCount(0);
		expect(requestsWithReason(reason)).toEqual([{ status: 'submitted' }]);
	});

	test('a phone in the wrong format is explained beside the field, and nothing is queued', async ({
		page
	}) => {
		await openRequests(page);
		await page.getByLabel('Type of request').selectOption('disconnection');
		await page.getByLabel(/^Contact phone/).fill('90 123');
		await page.getByRole('button', { name: 'Send request' }).click();
		await expect(page.getByText('Enter the phone as +998 and 9 digits')).toBeVisible();
		await expect(page.getByLabel(/^Contact phone/)).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByTestId('pending-count')).toHaveCount(0);
	});

	test('a second open request of one kind comes back refused with the reason, can be dismissed, and the first can be cancelled', async ({
		page
	}) => {
		await openRequests(page);
		const first = `First check ${Date.now()}`;
		const second = `Second check ${Date.now()}`;
		await fileRequest(page, 'inspection', first);
		await expect(card(page, first).getByTestId('request-status')).toHaveText('Status: Submitted');
		await fileRequest(page, 'inspection', second);

		const refused = card(page, second).getByTestId('needs-attention');
		await expect(refused).toContainText(
			'Needs attention: This account already has an open request of this type.'
		);
		await refused.getByRole('button', { name: 'Dismiss' }).click();
		await expect(card(page, second)).toHaveCount(0);
		expect(requestsWithReason(second)).toEqual([]);

		await card(page, first).getByRole('button', { name: 'Cancel request' }).click();
		await card(page, first).getByRole('button', { name: 'Yes, cancel it' }).click();
		await expect(card(page, first).getByTestId('request-status')).toContainText('Cancelled');
		await expect(card(page, first).getByRole('button', { name: 'Cancel request' })).toHaveCount(0);
		await expect.poll(() => requestsWithReason(first)).toEqual([{ status: 'cancelled' }]);
	});

	test('online, a new request says it is being sent, never that it waits for a connection', async ({
		page
	}) => {
		await openRequests(page);
		const reason = `Flickering lights ${Date.now()}`;
		await fileRequest(page, 'inspection', reason);
		const saved = page.getByRole('status').filter({ hasText: /^Request saved/ });
		await expect(saved).toHaveText(
			'Request saved. It is being sent now; its status is shown below.'
		);
		await expect(saved).not.toContainText('connection');
		await expect(card(page, reason).getByTestId('request-status')).toHaveText('Status: Submitted');
		await expect.poll(() => requestsWithReason(reason)).toEqual([{ status: 'submitted' }]);
	});

	test('cancelling asks first, naming the request, and "keep" keeps it', async ({ page }) => {
		await openRequests(page);
		const reason = `Meter is buzzing ${Date.now()}`;
		await fileRequest(page, 'meter_replacement', reason);
		const request = card(page, reason);
		await expect(request.getByTestId('request-status')).toHaveText('Status: Submitted');
		// The push and the pull its poke brings have landed: the card shows the server's row.
		await expect.poll(() => requestsWithReason(reason)).toEqual([{ status: 'submitted' }]);
		await expect(page.getByTestId('pending-count')).toHaveCount(0);
		await expect(page.getByText(/^Updated /)).toBeVisible();

		await request.getByRole('button', { name: 'Cancel request' }).click();
		const question = request.getByRole('group', { name: /^Cancel your request/ });
		await expect(question).toContainText(
			/Cancel your request “Meter replacement” of \d{1,2} \w{3} \d{4}\? This cannot be undone/
		);
		// The safe answer has the focus: a second tap does not cancel by accident.
		await expect(request.getByRole('button', { name: 'Keep the request' })).toBeFocused();
		await request.getByRole('button', { name: 'Keep the request' }).click();
		await expect(question).toHaveCount(0);
		await expect(request.getByTestId('request-status')).toHaveText('Status: Submitted');
		await expect(page.getByTestId('pending-count')).toHaveCount(0);
		expect(requestsWithReason(reason)).toEqual([{ status: 'submitted' }]);

		await request.getByRole('button', { name: 'Cancel request' }).click();
		await request.getByRole('button', { name: 'Yes, cancel it' }).click();
		await expect(request.getByTestId('request-status')).toContainText(/Cancelling|Cancelled/);
		await expect.poll(() => requestsWithReason(reason)).toEqual([{ status: 'cancelled' }]);
	});

	test('a preferred date in the past is refused with a reason, and nothing is queued', async ({
		page
	}) => {
		await openRequests(page);
		const yesterday = addDays(e2eToday(), -1);
		await page.getByLabel('Type of request').selectOption('inspection');
		await page.getByLabel(/^Preferred date/).fill(typedDay(yesterday));
		await page.getByRole('button', { name: 'Send request' }).click();
		await expect(page.getByText('That day has passed. Choose today or a later day.')).toBeVisible();
		await expect(page.getByLabel(/^Preferred date/)).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByTestId('pending-count')).toHaveCount(0);
		await expect(page.getByRole('status').filter({ hasText: /^Request saved/ })).toHaveCount(0);
	});

	test("the preferred date is typed in the app's format, whatever the browser's language", async ({
		page
	}) => {
		await openRequests(page);
		const field = page.getByLabel(/^Preferred date/);
		// A text field, not the browser's date picker (which writes dates the browser's way).
		await expect(field).toHaveAttribute('type', 'text');
		const inAWeek = addDays(e2eToday(), 7);
		const hint = page.locator('#request-date-hint');
		await expect(hint).toHaveText(/^Day\.month\.year, for example \d{2}\.\d{2}\.\d{4}$/);
		await field.fill('31.02.2026');
		await page.getByRole('button', { name: 'Send request' }).click();
		await expect(page.locator('#request-preferredDate-error')).toHaveText(
			/^Write the date as day\.month\.year, for example \d{2}\.\d{2}\.\d{4}\.$/
		);

		const reason = `Visit on a set day ${Date.now()}`;
		await field.fill(typedDay(inAWeek));
		await expect(hint).toHaveText(`That is ${englishDate(inAWeek)}.`);
		await fileRequest(page, 'inspection', reason);
		await expect(card(page, reason).locator('dd')).toContainText([englishDate(inAWeek)]);

		// In Uzbek the hint is in Uzbek, and the format is the same, day first.
		await page.evaluate(() => localStorage.setItem('tok.locale', 'uz'));
		await page.reload();
		await expect(page.locator('#request-date-hint')).toHaveText(
			/^Kun\.oy\.yil, masalan \d{2}\.\d{2}\.\d{4}$/
		);
	});

	test('the requests page fits a 360 px wide phone', async ({ page }) => {
		await page.setViewportSize({ width: 360, height: 740 });
		await openRequests(page);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
	});
});
