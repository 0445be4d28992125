import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { signIn } from './helpers/app';

// HET staff have no personal accounts: an inspector lands on their day's work orders; the others,
// until their own screens exist, on a page that says who they are and what they can do, never on
// an empty resident home.

test('an inspector lands on their day of work orders, not on "no accounts"', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('Login').fill('inspector');
	await page.getByLabel('Password').fill('inspect12345');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/inspector$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Today’s work' })).toBeVisible();
	await expect(page.locator('body')).not.toContainText('No accounts');
	await expect(page.getByTestId('no-accounts')).toHaveCount(0);
	// No account switcher and no resident tabs for a sign-in without accounts.
	await expect(page.getByTestId('account-switcher')).toHaveCount(0);
	await expect(page.getByRole('navigation', { name: 'Main menu' })).toHaveCount(0);

	// A resident page, or home, leads back to the inspector's day.
	await page.goto('/consumption');
	await expect(page).toHaveURL(/\/inspector$/);
	await page.goto('/');
	await expect(page).toHaveURL(/\/inspector$/);
});

test("an operator's page names the back-office tools there are, at a phone's size too", async ({
	page
}) => {
	await page.setViewportSize({ width: 360, height: 640 });
	await signIn(page, 'operator', 'operate12345');
	const home = page.getByTestId('staff-home');
	await expect(home).toContainText(
		'You are signed in as Operator (login operator), back-office operator.'
	);
	for (const tool of [
		'office.requests.list',
		'office.requests.setStatus',
		'office.requests.remove',
		'office.tariffs.publish',
		'billing.run'
	])
		await expect(page.locator('main code', { hasText: tool })).toHaveCount(1);
	await expect(page.locator('main')).toContainText('Service requests: list them by status');
	expect(
		await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)
	).toBeLessThanOrEqual(0);
	const results = await new AxeBuilder({ page }).analyze();
	expect(
		results.violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => v.id)
	).toEqual([]);

	// Settings (language, sign-out on a phone) stay open to staff.
	await page.getByRole('banner').getByRole('link', { name: 'Settings' }).click();
	await expect(page).toHaveURL(/\/settings$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});
