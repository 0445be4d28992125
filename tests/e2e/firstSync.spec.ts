import { expect, test } from './helpers/test';
import { signIn } from './helpers/app';

// Between signing in on a new device and the first sync bringing the accounts, the pages have no
// account to show. They must say that the accounts are on their way, not that there are none.
test.describe('before the first sync', () => {
	test('the pages say the accounts are on their way, then show them', async ({ page }) => {
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/api/trpc/**sync.pull**', async (route) => {
			await held;
			await route.continue();
		});
		await signIn(page);
		const notice = page.getByTestId('no-accounts');
		await expect(notice).toHaveText(/Bringing your accounts to this device/);
		await page.goto('/requests');
		await expect(notice).toHaveText(/Bringing your accounts to this device/);
		await expect(page.getByText('No accounts are linked to this sign-in yet.')).toHaveCount(0);

		release();
		await expect(page.getByTestId('account-switcher')).toContainText('1726001001');
		await expect(notice).toHaveCount(0);
	});

	test('offline, they say to connect once', async ({ page, context }) => {
		await page.route('**/api/trpc/**sync.pull**', (route) => route.abort('internetdisconnected'));
		await signIn(page);
		await context.setOffline(true);
		await page.evaluate(() => window.dispatchEvent(new Event('offline')));
		await expect(page.getByTestId('no-accounts')).toHaveText(
			/have not reached this device yet\. Connect to the internet once/
		);
		await context.setOffline(false);
	});
});
