import { expect, test, type Page } from './helpers/test';
import { serverDb, signIn } from './helpers/app';
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
	await expect(page.getByRole('status').filter({ hasText: 'Request saved.' })).toBeVisible();
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
		await expect(card(page, reason).getByTestId('waiting')).toHaveText('Waiting to send');
		await expect(page.getByTestId('pending-count')).toHaveText('1 change waiting to send');
		expect(requestsWithReason(reason)).toEqual([]);

		await context.setOffline(false);
		await expect(card(page, reason).getByTestId('waiting')).toHaveCount(0);
		await expect(card(page, reason).getByTestId('request-status')).toContainText('Submitted');
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
		await expect(card(page, first).getByTestId('waiting')).toHaveCount(0);
		await fileRequest(page, 'inspection', second);

		const refused = card(page, second).getByTestId('needs-attention');
		await expect(refused).toContainText(
			'Needs attention: This account already has an open request of this type.'
		);
		await refused.getByRole('button', { name: 'Dismiss' }).click();
		await expect(card(page, second)).toHaveCount(0);
		expect(requestsWithReason(second)).toEqual([]);

		await card(page, first).getByRole('button', { name: 'Cancel request' }).click();
		await expect(card(page, first).getByTestId('request-status')).toContainText('Cancelled');
		await expect(card(page, first).getByRole('button', { name: 'Cancel request' })).toHaveCount(0);
		await expect.poll(() => requestsWithReason(first)).toEqual([{ status: 'cancelled' }]);
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
