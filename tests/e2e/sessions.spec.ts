import { expect, test } from './helpers/test';
import { pinClock } from './helpers/test';
import { serviceWorkerControls, signIn } from './helpers/app';

// Sessions in Settings: "sign out everywhere" ends another browser's session; that browser keeps
// showing what it holds, offline too, and asks to sign in only to sync.

test('"sign out everywhere" ends another browser context’s session; it keeps its data and asks to sign in to sync', async ({
	page,
	context,
	browser
}) => {
	// The computer: signed in as the person, first ends what other tests on this shared server
	// left signed in, so that the phone below is its only other session.
	const other = await pinClock(
		await browser.newContext({ viewport: { width: 1280, height: 800 } })
	);
	const computer = await other.newPage();
	await signIn(computer, 'demo2');
	await computer.goto('/settings');
	const list = computer.getByTestId('session-list');
	await expect(list.getByText('This device')).toHaveCount(1);
	await computer.getByRole('button', { name: 'Sign out everywhere else' }).click();
	await expect(list.getByRole('listitem')).toHaveCount(1);

	// The phone: signed in, synced, its service worker in control.
	await signIn(page, 'demo2');
	await expect(page.getByText(/^Updated /)).toBeVisible();
	await serviceWorkerControls(page);

	// Back on the computer, the phone is listed; signing out everywhere else ends it.
	await computer.reload();
	await expect(list.getByRole('listitem')).toHaveCount(2);
	await expect(list.getByText('This device')).toHaveCount(1);
	await computer.getByRole('button', { name: 'Sign out everywhere else' }).click();
	await expect(computer.getByText('Signed out on 1 other devices.')).toBeVisible();
	await expect(list.getByRole('listitem')).toHaveCount(1);
	await other.close();

	// The phone learns at its next sync: its data stays, a notice asks to sign in to sync.
	await page.reload();
	const notice = page.getByTestId('session-expired');
	await expect(notice).toBeVisible();
	await expect(page.getByText('1726001003').first()).toBeVisible();

	// Offline, the same: cached data and the notice.
	await context.setOffline(true);
	await page.reload();
	await expect(notice).toBeVisible();
	await expect(page.getByText('1726001003').first()).toBeVisible();
	await context.setOffline(false);

	// Signing in again as the same person: the notice goes, the data was never gone.
	await notice.getByRole('link', { name: 'Sign in to sync' }).click();
	await page.getByLabel('Login').fill('demo2');
	await page.getByLabel('Password').fill('demo12345');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/$/);
	await expect(notice).toHaveCount(0);
	await expect(page.getByText('1726001003').first()).toBeVisible();
});

test('changing the password needs the current one and signs other devices out', async ({
	page,
	browser
}) => {
	await page.setViewportSize({ width: 360, height: 640 });
	await signIn(page, 'demo');
	await page.goto('/settings');
	await page.getByLabel('Current password').fill('wrong-password');
	await page.getByLabel('New password').fill('demo12345-new');
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page.getByRole('alert').filter({ hasText: /./ })).toHaveText(
		'The current password is not right.'
	);
	const other = await pinClock(await browser.newContext());
	const second = await other.newPage();
	await signIn(second, 'demo');
	await page.getByLabel('Current password').fill('demo12345');
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page.getByText(/Your password is changed/)).toBeVisible();
	// The other browser is signed out; the new password signs in, the old one no longer does.
	await second.reload();
	await expect(second.getByTestId('session-expired')).toBeVisible();
	await other.close();
	// Put it back for the other tests, through the same form.
	await page.getByLabel('Current password').fill('demo12345-new');
	await page.getByLabel('New password').fill('demo12345');
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page.getByText(/Your password is changed/)).toBeVisible();
});
