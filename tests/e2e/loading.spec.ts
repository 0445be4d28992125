import { expect, test, type Page } from '@playwright/test';
import { offlineAfterFirstSync, signIn } from './helpers/app';

// What the page says while IndexedDB has not answered yet must not be a wrong answer: no "no
// account yet" while the accounts load, no "nothing saved on this device" while the saved data
// is being read. Every text the page ever shows is recorded from the first paint on, so that a
// flash lasting one frame is caught too.

async function recordTexts(page: Page) {
	await page.addInitScript(() => {
		const seen = new Set<string>();
		(window as unknown as { seenTexts: Set<string> }).seenTexts = seen;
		const record = () => {
			const text = document.body?.innerText;
			if (text) for (const line of text.split('\n')) if (line.trim()) seen.add(line.trim());
		};
		new MutationObserver(record).observe(document, {
			subtree: true,
			childList: true,
			characterData: true
		});
	});
}

const seenTexts = (page: Page) =>
	page.evaluate(() => [...(window as unknown as { seenTexts: Set<string> }).seenTexts]);

test('right after signing in, the header never says there is no account while the accounts load', async ({
	page
}) => {
	await recordTexts(page);
	await signIn(page, 'demo2', 'demo12345');
	await expect(page.getByTestId('account-switcher')).toContainText('1726001003');
	await expect(page.getByTestId('balance')).toBeVisible();
	const seen = await seenTexts(page);
	expect(seen.filter((line) => /No accounts yet|No accounts are linked/.test(line))).toEqual([]);
});

test('reloaded offline, the page never says nothing is saved on the device while it reads what is', async ({
	page,
	context
}) => {
	await offlineAfterFirstSync(page, context);
	await recordTexts(page);
	await page.reload();
	await expect(page.getByText(/^Offline — last updated /)).toBeVisible();
	await expect(page.getByTestId('balance').first()).toBeVisible();
	const seen = await seenTexts(page);
	expect(
		seen.filter((line) => /nothing saved on this device|No accounts yet|No accounts are/.test(line))
	).toEqual([]);
});
