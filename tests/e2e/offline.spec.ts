import { expect, test, pinClock } from './helpers/test';
import { accountTruth, englishSom, serviceWorkerControls, signIn } from './helpers/app';

test.describe('offline', () => {
	test('with the network off, a reload shows the same dashboard from IndexedDB and says it is offline', async ({
		page,
		context
	}) => {
		await signIn(page);
		await expect(page.getByRole('article')).toHaveCount(2);
		await expect(page.getByText(/^Updated /)).toBeVisible();
		// The service worker must control the page before the network goes away.
		await serviceWorkerControls(page);
		const balances = await page.getByTestId('balance').allInnerTexts();

		await context.setOffline(true);
		await page.reload();
		await expect(page.getByRole('article')).toHaveCount(2);
		expect(await page.getByTestId('balance').allInnerTexts()).toEqual(balances);
		await expect(
			page.locator('article[data-account="1726001001"]').getByTestId('balance')
		).toContainText(englishSom(accountTruth('1726001001').balanceTiyin));
		await expect(
			page.getByRole('status').filter({ hasText: 'Offline — last updated' })
		).toBeVisible();

		// And back online, the notice goes and the data is refreshed.
		await context.setOffline(false);
		await expect(page.getByText(/^Updated /)).toBeVisible();
	});

	test('control: with the service worker blocked, the same offline reload fails', async ({
		browser
	}) => {
		const context = await pinClock(await browser.newContext({ serviceWorkers: 'block' }));
		const page = await context.newPage();
		await signIn(page);
		await expect(page.getByRole('article')).toHaveCount(2);
		await context.setOffline(true);
		const failed = await page.reload().then(
			() => false,
			() => true
		);
		expect(failed).toBe(true);
		await context.close();
	});

	test('the app is installable: a manifest with icons', async ({ page, request }) => {
		await page.goto('/login');
		const href = await page.locator('link[rel="manifest"]').getAttribute('href');
		expect(href).toBeTruthy();
		const manifest = await (await request.get(href!)).json();
		expect(manifest).toMatchObject({ start_url: '/', display: 'standalone' });
		const sizes = manifest.icons.map((i: { sizes: string }) => i.sizes);
		expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
		for (const icon of manifest.icons) {
			const res = await request.get(icon.src);
			expect(res.headers()['content-type']).toBe('image/png');
		}
	});
});
