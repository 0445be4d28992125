import { expect, test } from '@playwright/test';
import { signIn } from './helpers/app';

// The back office at a desk (1280×800): the operator finds a request in the queue, opens it and
// sends the district's inspector; a resident is never shown the office.

test.use({ viewport: { width: 1280, height: 800 } });

test('an operator filters the queue, opens a request and assigns it to the inspector', async ({
	page
}) => {
	await signIn(page, 'operator', 'operate12345', /\/office$/);
	await expect(page).toHaveURL(/\/office$/);
	const table = page.getByTestId('request-table');
	await expect(table.locator('tbody tr').first()).toBeVisible();

	// Open requests older than 7 days: every row shown is at least 7 days old.
	await page.getByLabel('Older than (days)').fill('7');
	await page.getByRole('button', { name: 'Show', exact: true }).click();
	await expect(page).toHaveURL(/older=7/);
	const ages = await table.locator('tbody td.num').allInnerTexts();
	expect(ages.length).toBeGreaterThan(0);
	for (const age of ages) expect(Number.parseInt(age)).toBeGreaterThanOrEqual(7);

	// A request nobody has taken yet: open it from its account number.
	await page.goto('/office?status=submitted');
	const row = table.locator('tbody tr[data-status="submitted"]').first();
	await expect(row).toBeVisible();
	const link = row.locator('th a');
	const number = (await link.innerText()).trim();
	await link.focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/office\/requests\//);
	await expect(page.getByTestId('request-account')).toHaveText(number);
	await expect(page.getByTestId('request-history')).toContainText('Submitted');

	const form = page.getByTestId('assign-form');
	await form
		.getByRole('combobox', { name: 'Inspector', exact: true })
		.selectOption({ label: 'Inspector (inspector)' });
	await form.getByRole('button', { name: 'Assign' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
	await expect(page.getByTestId('request-status')).toHaveAttribute('data-status', 'accepted');
	await expect(page.getByTestId('request-work-orders').locator('li').first()).toHaveAttribute(
		'data-status',
		'assigned'
	);
	await expect(page.getByTestId('request-work-orders')).toContainText('Inspector');

	// Back in the queue, the row names its inspector.
	await page.getByRole('link', { name: /Back to the queue/ }).click();
	await page.goto('/office?status=accepted');
	const assigned = table.locator('tbody tr', { hasText: number });
	await expect(assigned.getByTestId('work-order-cell')).toContainText('Assigned · Inspector');
});

test('a resident opening /office is sent home', async ({ page }) => {
	await signIn(page, 'demo2', 'demo12345');
	await page.goto('/office');
	await expect(page).toHaveURL(/\/$/);
	await expect(page.getByTestId('office-nav')).toHaveCount(0);
	await page.goto('/office/dashboard');
	await expect(page).toHaveURL(/\/$/);
});
