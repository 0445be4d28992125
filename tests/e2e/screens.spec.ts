import { expect, test, type Page, pinClock } from './helpers/test';
import { gzipSync } from 'node:zlib';
import { serviceWorkerControls, signIn } from './helpers/app';

// Every page at a small phone's size and a laptop's, in all four languages, into
// tests/e2e/screens/ (not committed) to be looked at. Each shot also checks what can be checked
// without eyes: nothing sticks out sideways, no table or list is cut off inside a box that
// scrolls sideways, and every page has its heading. Signed in as demo2, whose account
// (1726001003) has the longest figures: seven-digit kWh and so'm amounts.

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
	{ name: 'desktop', width: 1280, height: 800, locales: ['uz', 'ru', 'uz-Cyrl', 'en'] }
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

/**
 * Boxes that scroll sideways because what is in them does not fit (a table's money column behind
 * the edge), but for those made to scroll (the months chart on a phone, marked data-scroll-x).
 */
async function cutOff(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		// What is folded away counts too: each <details> is looked into, then folded again.
		const closed = [
			...document.querySelectorAll('main details:not([open])')
		] as HTMLDetailsElement[];
		for (const d of closed) d.open = true;
		const found = [...document.querySelectorAll<HTMLElement>('main *')]
			.filter((el) => {
				const { overflowX } = getComputedStyle(el);
				return (
					(overflowX === 'auto' || overflowX === 'scroll') &&
					el.scrollWidth > el.clientWidth + 1 &&
					!el.closest('[data-scroll-x]')
				);
			})
			.map((el) => {
				const what = el.querySelector('caption, h2, h3, [data-testid]');
				return `${el.className || el.tagName} (${(what?.textContent ?? '').trim().slice(0, 40)}): ${el.scrollWidth - el.clientWidth}px hidden`;
			});
		for (const d of closed) d.open = false;
		return found;
	});
}

async function setLocale(page: Page, locale: string) {
	await page.evaluate((value) => localStorage.setItem('tok.locale', value), locale);
}

for (const size of SIZES) {
	test.describe(`screens at ${size.width}×${size.height}`, () => {
		test.use({ viewport: { width: size.width, height: size.height } });

		test('the sign-in and forgot-password pages fit, in every language', async ({ page }) => {
			await page.goto('/login');
			for (const locale of size.locales) {
				await setLocale(page, locale);
				for (const [name, path] of [
					['login', '/login'],
					['forgot', '/login/forgot']
				]) {
					await page.goto(path);
					await settle(page);
					expect(await overflowX(page), `${path} in ${locale}`).toBeLessThanOrEqual(0);
					await page.screenshot({
						path: `tests/e2e/screens/${size.name}-${locale}-${name}.png`,
						fullPage: true
					});
				}
			}
		});

		test('every signed-in page fits, in every language, with the longest figures', async ({
			page
		}) => {
			test.setTimeout(240_000);
			await signIn(page, 'demo2', 'demo12345');
			// The first sync in, so that pages show accounts rather than "none yet" (read on the page:
			// the header's switcher has been seen stuck on its placeholder; see the closing note).
			await expect(page.getByTestId('account-number').first()).toContainText('1726001003');
			const problems: string[] = [];
			for (const locale of size.locales) {
				await setLocale(page, locale);
				for (const [name, path] of SIGNED_IN_PAGES) {
					await page.goto(path);
					await settle(page);
					const overflow = await overflowX(page);
					if (overflow > 0) problems.push(`${path} in ${locale}: ${overflow}px too wide`);
					for (const box of await cutOff(page)) problems.push(`${path} in ${locale}: ${box}`);
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
	// The signed-in home on a cold cache without the service worker: Svelte, SvelteKit, Dexie
	// (IndexedDB), decimal.js (this month's bill, rated on the phone) and the sync engine's
	// tRPC client. A ceiling so that it does not grow; see the README for the breakdown. 145 kB
	// since the office's and the inspector's messages share each language's one catalogue chunk.
	const HOME_CEILING_BYTES = 145 * 1024;

	/** Gzipped size of each distinct script the page loads, from now on; `total()` awaits them. */
	function collectScripts(page: Page) {
		const sizes = new Map<string, Promise<number>>();
		let fromNetwork = 0;
		page.on('response', (response) => {
			const path = new URL(response.url()).pathname;
			if (!path.endsWith('.js') || sizes.has(path)) return;
			if (!response.fromServiceWorker()) fromNetwork++;
			sizes.set(
				path,
				response.body().then((body) => gzipSync(body, { level: 9 }).length)
			);
		});
		return {
			count: () => sizes.size,
			fromNetwork: () => fromNetwork,
			each: async () =>
				Promise.all(
					[...sizes].map(async ([path, size]) => `${path.split('/').pop()} ${kb(await size)}`)
				),
			total: async () => (await Promise.all(sizes.values())).reduce((a, b) => a + b, 0)
		};
	}

	const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

	async function settled(page: Page) {
		await page.waitForLoadState('load');
		await page.waitForTimeout(500);
	}

	test("a newcomer's first page, wherever they land, loads under 100 kB of gzipped JavaScript", async ({
		browser
	}, testInfo) => {
		const figures: string[] = [];
		// Signed out, every page but help leads to sign-in; help is public.
		for (const [path, heading] of [
			['/login', 'Sign in to Tok'],
			['/', 'Sign in to Tok'],
			['/consumption', 'Sign in to Tok'],
			['/help', 'Help']
		] as const) {
			const context = await pinClock(await browser.newContext({ serviceWorkers: 'block' }));
			const page = await context.newPage();
			const scripts = collectScripts(page);
			await page.goto(path);
			await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
			await settled(page);
			const bytes = await scripts.total();
			figures.push(`${path} ${kb(bytes)} in ${scripts.count()} files`);
			await context.close();
			expect(bytes, path).toBeLessThan(LIMIT_BYTES);
		}
		const summary = `first page JS, gzipped, signed out: ${figures.join('; ')}`;
		testInfo.annotations.push({ type: 'size', description: summary });
		console.log(summary);
	});

	test('the signed-in home stays under its ceiling, and a returning visit fetches no script from the network', async ({
		browser
	}, testInfo) => {
		const context = await pinClock(await browser.newContext({ serviceWorkers: 'block' }));
		const page = await context.newPage();
		const scripts = collectScripts(page);
		await page.goto('/login');
		await settled(page);
		const loginBytes = await scripts.total();
		await signIn(page);
		await expect(page.getByTestId('account-number').first()).toContainText('1726001001');
		await settled(page);
		// The same collector goes on with what the home page adds.
		const afterSignInBytes = (await scripts.total()) - loginBytes;

		// A returning person opens / directly, signed in, with an empty HTTP cache and no service
		// worker (a cleared cache): the worst case.
		const state = await context.storageState();
		const cold = await pinClock(
			await browser.newContext({ serviceWorkers: 'block', storageState: state })
		);
		const home = await cold.newPage();
		const homeScripts = collectScripts(home);
		await home.goto('/');
		await expect(home.getByTestId('account-number').first()).toContainText('1726001001');
		await settled(home);
		const homeBytes = await homeScripts.total();
		if (process.env.E2E_WEIGHT_DETAIL) console.log((await homeScripts.each()).join('\n'));
		await context.close();
		await cold.close();

		// The usual case: the service worker precached the app on the first visit, so a returning
		// visit (on 2G, or offline) takes every script from the phone.
		const usual = await pinClock(await browser.newContext({ storageState: state }));
		const first = await usual.newPage();
		await first.goto('/');
		// A fresh context's first sync: on a loaded 2-core machine it has taken more than 10 s.
		await expect(first.getByTestId('account-number').first()).toContainText('1726001001', {
			timeout: 30_000
		});
		await serviceWorkerControls(first);
		await first.evaluate(async () => {
			// Precaching finishes before the worker activates; wait until it controls the page.
			await navigator.serviceWorker.ready;
		});
		const again = await usual.newPage();
		const againScripts = collectScripts(again);
		await again.goto('/');
		await expect(again.getByTestId('account-number').first()).toContainText('1726001001');
		await settled(again);
		const fromNetwork = againScripts.fromNetwork();
		const loaded = againScripts.count();
		await usual.close();

		const summary = `signed-in home JS, gzipped: after signing in +${kb(afterSignInBytes)}; / on a cold cache without the service worker ${kb(homeBytes)} in ${homeScripts.count()} files; / returning with the service worker: ${fromNetwork} of ${loaded} scripts from the network`;
		testInfo.annotations.push({ type: 'size', description: summary });
		console.log(summary);
		expect(homeBytes).toBeLessThan(HOME_CEILING_BYTES);
		expect(loaded).toBeGreaterThan(10);
		expect(fromNetwork).toBe(0);
	});
});
