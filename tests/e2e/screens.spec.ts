import { expect, test, type Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { signIn } from './helpers/app';

// Every page at a small phone's size and a laptop's, in the languages whose words run longest,
// into tests/e2e/screens/ (not committed) to be looked at. Each shot also checks what can be
// checked without eyes: nothing sticks out sideways, and every page has its heading.

const SIGNED_IN_PAGES = [
	['home', '/'],
	['requests', '/requests'],
	['consumption', '/consumption'],
	['readings', '/readings'],
	['payments', '/payments'],
	['help', '/help'],
	['settings', '/settings'],
	['accounts', '/accounts'],
	['accounts-add', '/accounts/add']
] as const;

const SIZES = [
	{ name: 'phone', width: 360, height: 640, locales: ['uz', 'ru', 'uz-Cyrl', 'en'] },
	{ name: 'desktop', width: 1280, height: 800, locales: ['uz', 'ru', 'en'] }
] as const;

async function settle(page: Page) {
	await expect(page.locator('main h1').first()).toBeVisible();
	// Placeholders give way to the content once IndexedDB has answered and the first sync is in.
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 });
	await page.evaluate(() => document.fonts.ready);
}

async function overflowX(page: Page): Promise<number> {
	return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

async function setLocale(page: Page, locale: string) {
	await page.evaluate((value) => localStorage.setItem('tok.locale', value), locale);
}

for (const size of SIZES) {
	test.describe(`screens at ${size.width}×${size.height}`, () => {
		test.use({ viewport: { width: size.width, height: size.height } });

		test('the sign-in page fits, in every language', async ({ page }) => {
			await page.goto('/login');
			for (const locale of size.locales) {
				await setLocale(page, locale);
				await page.goto('/login');
				await settle(page);
				expect(await overflowX(page), `/login in ${locale}`).toBeLessThanOrEqual(0);
				await page.screenshot({
					path: `tests/e2e/screens/${size.name}-${locale}-login.png`,
					fullPage: true
				});
			}
		});

		test('every signed-in page fits, in every language', async ({ page }) => {
			test.setTimeout(180_000);
			await signIn(page);
			// The first sync in, so that pages show accounts rather than "none yet".
			await expect(page.getByTestId('account-switcher')).toContainText('1726001001');
			const problems: string[] = [];
			for (const locale of size.locales) {
				await setLocale(page, locale);
				for (const [name, path] of SIGNED_IN_PAGES) {
					await page.goto(path);
					await settle(page);
					const overflow = await overflowX(page);
					if (overflow > 0) problems.push(`${path} in ${locale}: ${overflow}px too wide`);
					await page.screenshot({
						path: `tests/e2e/screens/${size.name}-${locale}-${name}.png`,
						fullPage: true
					});
				}
			}
			expect(problems).toEqual([]);
		});

		test('the account menu opens over the page', async ({ page }) => {
			await signIn(page);
			await page.getByTestId('account-switcher').click();
			await expect(page.locator('#account-menu')).toBeVisible();
			await page.screenshot({ path: `tests/e2e/screens/${size.name}-en-account-menu.png` });
			expect(await overflowX(page)).toBeLessThanOrEqual(0);
		});
	});
}

test.describe('screens in dark mode', () => {
	test.use({ colorScheme: 'dark', viewport: { width: 360, height: 640 } });

	test("the pages follow the system's dark mode", async ({ page }) => {
		await signIn(page);
		await expect(page.getByTestId('account-switcher')).toContainText('1726001001');
		const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		expect(background).toBe('rgb(15, 21, 18)');
		for (const [name, path] of SIGNED_IN_PAGES) {
			await page.goto(path);
			await settle(page);
			await page.screenshot({ path: `tests/e2e/screens/phone-dark-${name}.png`, fullPage: true });
		}
	});
});

// The first page a person opens must come quickly over 3G: its JavaScript, gzipped, under 100 kB.
// Measured as loaded on a cold cache, without the service worker (which would fetch everything
// to precache it): every script the page fetches, lazy ones included, gzipped at level 9.
test.describe('first page weight', () => {
	const LIMIT_BYTES = 100 * 1024;
	// The signed-in home page is not there yet: IndexedDB (Dexie), zod (through the sync
	// protocol's schemas), every language's messages and decimal.js all load with it. This ceiling
	// keeps it from growing while that is worked down to LIMIT_BYTES.
	const HOME_CEILING_BYTES = 170 * 1024;

	/** Gzipped size of each distinct script the page loads, from now on; `total()` awaits them. */
	function collectScripts(page: Page) {
		const sizes = new Map<string, Promise<number>>();
		page.on('response', (response) => {
			const path = new URL(response.url()).pathname;
			if (!path.endsWith('.js') || sizes.has(path)) return;
			sizes.set(
				path,
				response.body().then((body) => gzipSync(body, { level: 9 }).length)
			);
		});
		return {
			count: () => sizes.size,
			total: async () => (await Promise.all(sizes.values())).reduce((a, b) => a + b, 0)
		};
	}

	const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

	test('the sign-in page loads under 100 kB of gzipped JavaScript, and the home page no more than today', async ({
		browser
	}, testInfo) => {
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		const scripts = collectScripts(page);
		await page.goto('/login');
		await expect(page.getByRole('heading', { name: 'Sign in to Tok' })).toBeVisible();
		await page.waitForLoadState('load');
		await page.waitForTimeout(500);
		const loginBytes = await scripts.total();

		await signIn(page);
		await expect(page.getByTestId('account-switcher')).toContainText('1726001001');
		await page.waitForLoadState('load');
		await page.waitForTimeout(500);
		// The same collector goes on with what the home page adds.
		const bothBytes = await scripts.total();

		// A returning person opens / directly, signed in, with an empty HTTP cache.
		const state = await context.storageState();
		const returning = await browser.newContext({ serviceWorkers: 'block', storageState: state });
		const home = await returning.newPage();
		const homeScripts = collectScripts(home);
		await home.goto('/');
		await expect(home.getByTestId('account-switcher')).toContainText('1726001001');
		await home.waitForLoadState('load');
		await home.waitForTimeout(500);
		const homeBytes = await homeScripts.total();

		const summary = `first-page JS, gzipped: /login ${kb(loginBytes)}; /login then / ${kb(bothBytes)} in ${scripts.count()} files; / cold when signed in ${kb(homeBytes)} in ${homeScripts.count()} files`;
		testInfo.annotations.push({ type: 'size', description: summary });
		console.log(summary);
		await context.close();
		await returning.close();
		expect(loginBytes).toBeLessThan(LIMIT_BYTES);
		expect(homeBytes).toBeLessThan(HOME_CEILING_BYTES);
	});
});
