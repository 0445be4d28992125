import { expect, test } from './helpers/test';
import { serviceWorkerControls, signIn } from './helpers/app';

async function openSettings(page: import('@playwright/test').Page) {
	await signIn(page);
	await page
		.getByRole('navigation', { name: 'Main menu' })
		.getByRole('link', { name: 'Settings' })
		.click();
	await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
}

test.describe('settings', () => {
	test('choosing Ўзбекча turns the whole interface to Uzbek in Cyrillic, and it stays', async ({
		page
	}) => {
		await openSettings(page);
		await page.getByRole('radio', { name: 'Ўзбекча' }).check();
		await expect(page.getByRole('heading', { name: 'Созламалар', level: 1 })).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('lang', 'uz-Cyrl');
		const nav = page.getByRole('navigation', { name: 'Асосий меню' });
		await expect(nav.getByRole('link', { name: 'Аризалар' })).toBeVisible();
		await expect(nav.getByRole('link', { name: 'Бош саҳифа' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Ҳозир янгилаш' })).toBeVisible();

		await page.reload();
		await expect(page.getByRole('heading', { name: 'Созламалар', level: 1 })).toBeVisible();
		await page.goto('/');
		await expect(page.getByRole('heading', { name: 'Менинг ҳисобларим' })).toBeVisible();
	});

	test('offline, a language not used before switches too (each language is its own chunk, precached)', async ({
		page,
		context
	}) => {
		await openSettings(page);
		await serviceWorkerControls(page);
		await context.setOffline(true);
		await page.getByRole('radio', { name: 'Русский' }).check();
		await expect(page.getByRole('heading', { name: 'Настройки', level: 1 })).toBeVisible();
		await page.getByRole('radio', { name: 'Oʻzbekcha' }).check();
		await expect(page.getByRole('heading', { name: 'Sozlamalar', level: 1 })).toBeVisible();
		await context.setOffline(false);
	});

	test('sync shows what is waiting and when it last worked, and syncs on demand', async ({
		page,
		context
	}) => {
		await openSettings(page);
		await expect(page.getByTestId('settings-pending')).toHaveText(
			'Nothing — everything has been sent'
		);
		await expect(page.getByTestId('settings-last-sync')).not.toHaveText('Not yet on this device');
		await expect(page.getByTestId('settings-last-error')).toHaveText('None');
		await expect(page.getByTestId('settings-storage')).not.toBeEmpty();
		await page.getByRole('button', { name: 'Sync now' }).click();
		await expect(page.getByTestId('settings-online')).toHaveText('Connected');

		await context.setOffline(true);
		await expect(page.getByTestId('settings-online')).toContainText('No connection');
		await context.setOffline(false);
		await expect(page.getByTestId('settings-online')).toHaveText('Connected');
	});

	test('signing out from settings returns to the sign-in page', async ({ page }) => {
		await openSettings(page);
		await page.getByRole('main').getByRole('button', { name: 'Sign out', exact: true }).click();
		await expect(page).toHaveURL(/\/login$/);
	});
});
