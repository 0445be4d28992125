import { expect, test } from './helpers/test';
import { signIn } from './helpers/app';

test.describe('help', () => {
	test('the hotline is one tap away: a tel: link to 1154', async ({ page }) => {
		await signIn(page);
		await page
			.getByRole('navigation', { name: 'Main menu' })
			.getByRole('link', { name: 'Help' })
			.click();
		await expect(page.getByRole('heading', { name: 'Help', level: 1 })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Call 1154' })).toHaveAttribute('href', 'tel:1154');
	});

	test('getting a login by SMS, resetting it, and the short answers are there, in Russian too', async ({
		page
	}) => {
		await page.goto('/help');
		// Readable before signing in: it is how a person gets a login.
		await expect(page).toHaveURL(/\/help$/);
		await expect(page.getByText('Send an SMS with the letter P to 2100')).toBeVisible();
		await expect(page.getByText('Send P to 2100 again: a new password comes by SMS')).toBeVisible();

		const question = page.getByText('Why do the figures differ from what a payment service shows?');
		const answer = page.getByText('A payment takes time to reach the HET ledger');
		await expect(answer).toBeHidden();
		await question.click();
		await expect(answer).toBeVisible();

		// HET has no videos of its own yet: the links say they are searches, and go to one.
		await expect(
			page.getByText('HET has not published video guides of its own yet.')
		).toBeVisible();
		for (const name of ['Installing the app on a phone', 'Getting a login and password by SMS']) {
			const link = page.getByRole('link', { name: `Search YouTube: ${name}` });
			await expect(link).toHaveAttribute(
				'href',
				/^https:\/\/www\.youtube\.com\/results\?search_query=/
			);
			await expect(link).toHaveAttribute('target', '_blank');
			await expect(link).toHaveAttribute('rel', /noopener/);
		}

		await expect(page.getByRole('link', { name: 'Send P to 2100 by SMS' })).toHaveAttribute(
			'href',
			'sms:2100?body=P'
		);

		await page.getByLabel('Language').selectOption('ru');
		await expect(page.getByRole('heading', { name: 'Помощь', level: 1 })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Позвонить 1154' })).toHaveAttribute(
			'href',
			'tel:1154'
		);
	});

	test('the sign-in page says what the login is, what to do about a forgotten password, and links to help', async ({
		page
	}) => {
		await page.goto('/login');
		await expect(
			page.getByText('A login that came by SMS is your personal account number.')
		).toBeVisible();
		// Not "account number or login": only the login that was given signs in.
		await expect(page.getByText('account number or login')).toHaveCount(0);
		await expect(page.getByTestId('sms-link')).toHaveAttribute('href', 'sms:2100?body=P');
		await expect(page.getByTestId('sms-link')).toHaveText('Send P to 2100 by SMS');

		await expect(page.getByRole('link', { name: 'Hotline 1154' }).first()).toHaveAttribute(
			'href',
			'tel:1154'
		);
		await page.getByRole('link', { name: 'Forgot your password?' }).click();
		await expect(page).toHaveURL(/\/login\/forgot$/);
		await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
		await expect(page.getByText('A new password comes by SMS to that phone')).toBeVisible();
		await expect(page.getByText('Send P to 2100 from the registered phone')).toBeVisible();
		await page.getByRole('link', { name: 'Back to sign-in' }).click();

		await page.getByRole('link', { name: 'Help and answers' }).click();
		await expect(page.getByRole('heading', { name: 'Help', level: 1 })).toBeVisible();
		await expect(page).toHaveURL(/\/help$/);
	});
});
