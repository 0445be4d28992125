import { expect, test } from '@playwright/test';
import { serviceWorkerControls, signIn } from './helpers/app';

// A new version of the app waiting: the page offers to reload with a button that looks like the
// app's other buttons, not the browser's unstyled default.
test('a new version waiting is offered with a styled reload button', async ({ page }) => {
	await signIn(page);
	await serviceWorkerControls(page);
	// A worker under another script address counts as a new version: it installs and waits.
	await page.evaluate(async () => {
		await navigator.serviceWorker.register('/service-worker.js?next-version');
	});

	const prompt = page.getByRole('status').filter({ hasText: 'A new version of Tok is ready' });
	await expect(prompt).toBeVisible({ timeout: 20_000 });
	const button = prompt.getByRole('button');
	const style = await button.evaluate((el) => {
		const s = getComputedStyle(el);
		return {
			background: s.backgroundColor,
			color: s.color,
			radius: s.borderRadius,
			border: s.borderTopStyle,
			fontWeight: s.fontWeight
		};
	});
	const brand = await page.evaluate(() => {
		const probe = document.createElement('span');
		probe.style.color = 'var(--brand)';
		document.body.append(probe);
		const color = getComputedStyle(probe).color;
		probe.remove();
		return color;
	});
	expect(style).toEqual({
		background: brand,
		color: 'rgb(255, 255, 255)',
		radius: '8px',
		border: 'none',
		fontWeight: '600'
	});
	await expect(button).toHaveCSS('min-height', '44px');
});
