import { expect, test, type Page } from './helpers/test';
import { serverDb } from './helpers/app';

// Signing in with OneID against the local stand-in that `npm start` runs beside the app,
// then finding one's account by region, district and number.

function districtOf(number: string): string {
	const db = serverDb();
	try {
		return (
			db.prepare('select district_soato as d from accounts where number = ?').get(number) as {
				d: string;
			}
		).d;
	} finally {
		db.close();
	}
}

async function signInWithOneId(page: Page, person: RegExp) {
	await page.goto('/login');
	await page.getByRole('link', { name: 'Sign in with OneID' }).click();
	await expect(page.getByRole('heading', { name: /OneID — local stand-in/ })).toBeVisible();
	await page.getByRole('button', { name: person }).click();
}

async function findAccount(page: Page, number: string, district = districtOf(number)) {
	await page.getByLabel('Region').selectOption(district.slice(0, 4));
	await page.getByLabel('District or city').selectOption(district);
	await page.getByLabel('Personal account number').fill(number);
	await page.getByRole('button', { name: 'Link the account' }).click();
}

test('OneID sign-in, then region → district → account number: the account appears', async ({
	page
}) => {
	await signInWithOneId(page, /KARIMOVA DILNOZA/);
	await expect(page).toHaveURL(/\/accounts\/oneid$/);
	await expect(page.getByRole('heading', { name: 'Find your personal account' })).toBeVisible();
	// The district list follows the region.
	await expect(page.getByLabel('District or city')).toBeDisabled();
	await findAccount(page, '1726001001');
	await expect(page.getByRole('status').getByText('Account 1726001001 is linked.')).toBeVisible();
	await page.getByRole('button', { name: 'Go to my accounts' }).click();
	await expect(page).toHaveURL(/\/$/);
	await expect(page.getByText('1726001001').first()).toBeVisible();
	// Signed in, /login is no place to be: home.
	await page.goto('/login');
	await expect(page).toHaveURL(/\/$/);
	// Signing in again with OneID goes straight home: the account is linked already.
	await page.goto('/login/oneid');
	await page.getByRole('button', { name: /KARIMOVA DILNOZA/ }).click();
	await expect(page).toHaveURL(/\/$/);
	await expect(page.getByText('1726001001').first()).toBeVisible();
});

test('an account in someone else’s name, another district or an unknown number is refused with its reason', async ({
	page
}) => {
	await page.setViewportSize({ width: 360, height: 640 });
	await signInWithOneId(page, /TOSHMATOV JASUR/);
	await expect(page).toHaveURL(/\/accounts\/oneid$/);
	await findAccount(page, '1726001001');
	const alert = page.getByRole('alert').filter({ hasText: /./ });
	await expect(alert).toHaveText(/not in your name/);
	await findAccount(page, '1726001001', districtOf('1726001003'));
	await expect(alert).toHaveText(/not in the district you chose/);
	await findAccount(page, '1726009999', districtOf('1726001001'));
	await expect(alert).toHaveText(/no personal account with this number/);
	// Nothing overflows a small phone's width.
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth > document.documentElement.clientWidth
	);
	expect(overflow).toBe(false);
});

test('cancelling at OneID comes back to sign-in with a message', async ({ page }) => {
	await page.goto('/login');
	await page.getByRole('link', { name: 'Sign in with OneID' }).click();
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(page).toHaveURL(/\/login\?oneid=oneid_cancelled$/);
	await expect(page.getByRole('alert')).toHaveText('The sign-in with OneID was cancelled.');
});
