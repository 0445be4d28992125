import { expect, test, type Page } from './helpers/test';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { E2E_DATA_DIR } from '../../playwright.config';
import { serverDb, serviceWorkerControls, signIn } from './helpers/app';

// Several accounts in one app: the switcher in the header, adding demo2's account to demo by
// demo2's login (in demo mode, demo2 is "the login of account 1726001003"), naming it, removing it.

function accountId(number: string): number {
	const db = serverDb();
	try {
		return (db.prepare('select id from accounts where number = ?').get(number) as { id: number })
			.id;
	} finally {
		db.close();
	}
}

function linkedNumbers(login: string): string[] {
	const db = serverDb();
	try {
		return (
			db
				.prepare(
					'select a.number from user_accounts ua join users u on u.id = ua.user_id join accounts a on a.id = ua.account_id where u.login = ? order by a.number'
				)
				.all(login) as { number: string }[]
		).map((r) => r.number);
	} finally {
		db.close();
	}
}

const switcher = (page: Page) => page.getByTestId('account-switcher');
const option = (page: Page, number: string) =>
	page.locator(`#account-menu [data-account-option="${number}"]`);

async function openMenu(page: Page) {
	await switcher(page).click();
	await expect(page.locator('#account-menu')).toBeVisible();
}

// Whatever a failed test left behind, demo is back to its own two accounts for the other specs.
test.afterEach(() => {
	const db = new Database(join(E2E_DATA_DIR, 'tok.sqlite'));
	try {
		db.prepare(
			"delete from user_accounts where user_id = (select id from users where login = 'demo') and account_id = (select id from accounts where number = '1726001003')"
		).run();
	} finally {
		db.close();
	}
});

test.describe('several accounts in one app', () => {
	test('switching accounts shows the other account on every page, and this device remembers it', async ({
		page
	}) => {
		await signIn(page);
		await expect(switcher(page)).toContainText('1726001001');
		await openMenu(page);
		await expect(option(page, '1726001001')).toHaveAttribute('aria-current', 'true');
		await option(page, '1726001002').click();

		const id = accountId('1726001002');
		await expect(page).toHaveURL(new RegExp(`\\?account=${id}$`));
		await expect(switcher(page)).toContainText('1726001002');
		await expect(page.locator('#account-menu')).toBeHidden();

		// The navigation carries the account along…
		await page
			.getByRole('navigation', { name: 'Main menu' })
			.getByRole('link', { name: 'Requests' })
			.click();
		await expect(page).toHaveURL(new RegExp(`/requests\\?account=${id}$`));
		await expect(
			page.getByRole('heading', { name: 'Requests for account 1726001002' })
		).toBeVisible();

		// …and a page opened without it shows the account chosen last on this device.
		await page.goto('/requests');
		await expect(switcher(page)).toContainText('1726001002');
		await expect(
			page.getByRole('heading', { name: 'Requests for account 1726001002' })
		).toBeVisible();

		// An account id that is not linked is never shown.
		await page.goto(`/requests?account=${accountId('1726001003')}`);
		await expect(switcher(page)).toContainText('1726001002');
		await expect(page.getByText('1726001003')).toHaveCount(0);
	});

	test('an account added by its login and password appears, stays offline, takes a name, and can be removed', async ({
		page,
		context
	}) => {
		await signIn(page);
		await openMenu(page);
		await page.getByRole('link', { name: 'Add account' }).click();
		await expect(page.getByRole('heading', { name: 'Add an account' })).toBeVisible();

		// A wrong password is refused the way signing in refuses it.
		await page.getByLabel('Login of that account').fill('demo2');
		await page.getByLabel('Password of that account').fill('not-the-password');
		await page.getByRole('button', { name: 'Add account' }).click();
		await expect(page.getByRole('alert')).toHaveText(
			'Wrong login or password. Check both and try again.'
		);
		expect(linkedNumbers('demo')).toEqual(['1726001001', '1726001002']);

		await page.getByLabel('Login of that account').fill('demo2');
		await page.getByLabel('Password of that account').fill('demo12345');
		await page.getByRole('button', { name: 'Add account' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Added: 1726001003' })).toBeVisible();
		expect(linkedNumbers('demo')).toEqual(['1726001001', '1726001002', '1726001003']);

		// The next sync brings it to this device.
		await openMenu(page);
		await expect(option(page, '1726001003')).toBeVisible();
		await page.keyboard.press('Escape');

		// Offline, after a reload, it is still there, from IndexedDB.
		await serviceWorkerControls(page);
		await context.setOffline(true);
		await page.goto(`/?account=${accountId('1726001003')}`);
		await expect(switcher(page)).toContainText('1726001003');
		await openMenu(page);
		await expect(option(page, '1726001003')).toBeVisible();
		await page.keyboard.press('Escape');
		await context.setOffline(false);

		// A name on this device shows in the switcher.
		await page.goto('/accounts');
		const row = page.locator('[data-account-row="1726001003"]');
		await row.getByLabel('Name on this device').fill('Dacha');
		await row.getByRole('button', { name: 'Save name' }).click();
		await expect(row.getByRole('status')).toHaveText('Name saved.');
		await openMenu(page);
		await expect(option(page, '1726001003')).toContainText('Dacha');
		await option(page, '1726001003').click();
		await expect(switcher(page)).toContainText('Dacha');
		await expect(switcher(page)).toContainText('1726001003');

		// Removing it takes it off the sign-in and, at the next sync, off this device.
		page.once('dialog', (dialog) => void dialog.accept());
		await row.getByRole('button', { name: 'Remove from this sign-in' }).click();
		await expect(
			page.getByRole('status').filter({ hasText: 'Account 1726001003 removed' })
		).toBeVisible();
		await expect(page.locator('[data-account-row="1726001003"]')).toHaveCount(0);
		expect(linkedNumbers('demo')).toEqual(['1726001001', '1726001002']);
		expect(linkedNumbers('demo2')).toEqual(['1726001003']);
		await expect(switcher(page)).not.toContainText('Dacha');
		await openMenu(page);
		await expect(option(page, '1726001003')).toHaveCount(0);
	});

	test("a sign-in's only account stays: there is nothing to remove it with", async ({ page }) => {
		await signIn(page, 'demo2', 'demo12345');
		await page.goto('/accounts');
		const row = page.locator('[data-account-row="1726001003"]');
		await expect(row).toContainText('Stays on this sign-in');
		await expect(row.getByRole('button', { name: 'Remove from this sign-in' })).toHaveCount(0);
	});

	test('in Russian the accounts page speaks of accounts under your login, and of unlinking one', async ({
		page
	}) => {
		// demo has two accounts: the one added later can be unlinked, so its button shows.
		await signIn(page);
		await page.evaluate(() => localStorage.setItem('tok.locale', 'ru'));
		await page.goto('/accounts');
		await expect(
			page.getByRole('heading', { level: 1, name: 'Лицевые счета под вашим логином' })
		).toBeVisible();
		await expect(page.locator('main')).not.toContainText('входе');
		await expect(page.locator('main')).not.toContainText('входа');
		await expect(page.locator('main')).toContainText(
			/Отвязать от моего логина|Остаётся: это счёт вашего логина/
		);
	});
});
