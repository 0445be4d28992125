import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { signIn } from './helpers/app';

// HET staff have no personal accounts: an inspector lands on their day's work orders, operators
// and admins on the back office, never on an empty resident home.

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

test('an operator lands on the back office, its navigation listing every office page', async ({
	page
}) => {
	await signIn(page, 'operator', 'operate12345', /\/office$/);
	await expect(page).toHaveURL(/\/office$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Requests' })).toBeVisible();
	const nav = page.getByRole('navigation', { name: 'Back office' });
	for (const name of [
		'Queue',
		'Dashboard',
		'Needs review',
		'Tariffs',
		'Readings import',
		'Audit log',
		'SMS log'
	])
		await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
	await expect(nav.getByRole('link', { name: 'Queue' })).toHaveAttribute('aria-current', 'page');
	const results = await new AxeBuilder({ page }).analyze();
	expect(
		results.violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => v.id)
	).toEqual([]);

	// Settings (language, sign-out) stay open to staff; a resident page leads back to the office.
	await page.getByRole('banner').getByRole('link', { name: 'Settings' }).click();
	await expect(page).toHaveURL(/\/settings$/);
	await page.goto('/consumption');
	await expect(page).toHaveURL(/\/office$/);
});

test('an admin lands on the back office too, and home leads there', async ({ page }) => {
	await signIn(page, 'admin', 'admin12345', /\/office$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Requests' })).toBeVisible();
	await page.goto('/');
	await expect(page).toHaveURL(/\/office$/);
	await expect(page.getByTestId('no-accounts')).toHaveCount(0);
});

test('an address with no page says so in the reader’s language, with a way back', async ({
	page
}) => {
	await signIn(page, 'operator', 'operate12345', /\/office$/);
	await page.evaluate(() => localStorage.setItem('tok.locale', 'ru'));
	await page.goto('/office/requests');
	await expect(page.getByRole('heading', { level: 1, name: 'Страница не найдена' })).toBeVisible();
	await expect(page.locator('main')).not.toContainText('Not Found');
	await page.getByRole('link', { name: 'На главную' }).click();
	await expect(page).toHaveURL(/\/office$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Заявки' })).toBeVisible();
});
