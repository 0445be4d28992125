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

		for (const name of ['Installing the app on a phone', 'Getting a login and password by SMS']) {
			const link = page.getByRole('link', { name });
			await expect(link).toHaveAttribute('target', '_blank');
			await expect(link).toHaveAttribute('rel', /noopener/);
		}

		await page.getByLabel('Language').selectOption('ru');
		await expect(page.getByRole('heading', { name: 'Помощь', level: 1 })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Позвонить 1154' })).toHaveAttribute(
			'href',
			'tel:1154'
		);
	});
});
