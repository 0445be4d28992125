import { expect, test } from './helpers/test';
import { signIn } from './helpers/app';

test.use({ hasTouch: true, isMobile: true, viewport: { width: 360, height: 640 } });

test('pulling the page down from the top syncs now', async ({ page }) => {
	await signIn(page);
	await expect(page.getByRole('article').first()).toBeVisible();
	await expect(page.getByText(/^Updated /).first()).toBeVisible();
	const pulled = page.waitForRequest((r) => r.url().includes('sync.pull'), { timeout: 5000 });
	await page.evaluate(() => {
		const touch = (y: number) =>
			new Touch({ identifier: 1, target: document.body, clientX: 180, clientY: y });
		const fire = (type: string, y: number) =>
			window.dispatchEvent(
				new TouchEvent(type, {
					touches: type === 'touchend' ? [] : [touch(y)],
					bubbles: true,
					cancelable: true
				})
			);
		window.scrollTo(0, 0);
		fire('touchstart', 100);
		fire('touchmove', 200);
		fire('touchmove', 300);
		fire('touchend', 300);
	});
	expect((await pulled).url()).toContain('sync.pull');
});
