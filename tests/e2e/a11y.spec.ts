import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './helpers/test';
import { signIn } from './helpers/app';

// Every page through axe-core: no serious or critical violation. The resident's pages at a phone's
// size in both colour schemes (dark mode has its own colours to get wrong) and at a laptop's in
// light (a table that fits one may scroll in the other; the colours are the same): in light as
// demo2, whose account has the longest figures, in dark as demo, who has two accounts and so an
// account menu. The inspector's app at a phone's size and the back office at a desk's, each in
// both schemes. Folded <details> are opened first, so what they hold is checked too.

const PAGES = [
	'/',
	'/requests',
	'/consumption',
	'/readings',
	'/payments',
	'/help',
	'/settings',
	'/accounts',
	'/accounts/add'
];

async function seriousViolations(page: Page) {
	const results = await new AxeBuilder({ page }).analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => ({
			rule: v.id,
			impact: v.impact,
			help: v.help,
			nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' '))
		}));
}

async function settle(page: Page) {
	await expect(page.locator('main h1').first()).toBeVisible();
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 });
	await page.evaluate(() => {
		for (const d of document.querySelectorAll('main details'))
			(d as HTMLDetailsElement).open = true;
	});
}

const SIZES = [
	{ name: 'phone', width: 360, height: 640 },
	{ name: 'desktop', width: 1280, height: 800 }
] as const;

for (const size of SIZES)
	for (const colorScheme of ['light', 'dark'] as const) {
		// Dark at a desk's size checks the same colours again (CI time: each pass is ~50 s).
		if (size.name === 'desktop' && colorScheme === 'dark') continue;
		const [login, accountNumber] =
			colorScheme === 'light' ? ['demo2', '1726001003'] : ['demo', '1726001001'];

		test.describe(`accessibility at ${size.width}×${size.height} (${colorScheme})`, () => {
			test.use({ colorScheme, viewport: { width: size.width, height: size.height } });

			test('the sign-in and forgot-password pages have no serious or critical axe violations', async ({
				page
			}) => {
				for (const path of ['/login', '/login/forgot']) {
					await page.goto(path);
					await settle(page);
					expect(await seriousViolations(page), path).toEqual([]);
				}
			});

			test(`every page signed in as ${login} has no serious or critical axe violations`, async ({
				page
			}) => {
				test.setTimeout(300_000);
				await signIn(page, login, 'demo12345');
				await expect(page.getByTestId('account-switcher')).toContainText(accountNumber);
				const found: Record<string, unknown> = {};
				for (const path of PAGES) {
					await page.goto(path);
					await settle(page);
					const violations = await seriousViolations(page);
					if (violations.length > 0) found[path] = violations;
				}
				// With the account menu open, too.
				await page.getByTestId('account-switcher').click();
				const menu = await seriousViolations(page);
				if (menu.length > 0) found['account menu'] = menu;
				expect(found).toEqual({});
			});
		});
	}

for (const colorScheme of ['light', 'dark'] as const)
	test.describe(`accessibility of the staff's apps (${colorScheme})`, () => {
		test.use({ colorScheme });

		test('the inspector’s day and an order’s form at 360×640', async ({ page }) => {
			test.setTimeout(120_000);
			await page.setViewportSize({ width: 360, height: 640 });
			await signIn(page, 'inspector', 'inspect12345', /\/inspector$/);
			const found: Record<string, unknown> = {};
			await settle(page);
			const day = await seriousViolations(page);
			if (day.length > 0) found['/inspector'] = day;
			await page
				.getByRole('link', { name: /Open the order/ })
				.first()
				.click();
			await expect(page.getByRole('button', { name: 'Save the result' })).toBeVisible();
			await settle(page);
			const order = await seriousViolations(page);
			if (order.length > 0) found[page.url()] = order;
			expect(found).toEqual({});
		});

		test('every back-office page at 1280×800', async ({ page }) => {
			test.setTimeout(180_000);
			await signIn(page, 'operator', 'operate12345', /\/office$/);
			const found: Record<string, unknown> = {};
			for (const path of [
				'/office',
				'/office/dashboard',
				'/office/review',
				'/office/tariffs',
				'/office/import',
				'/office/audit',
				'/office/sms'
			]) {
				await page.goto(path);
				await settle(page);
				const violations = await seriousViolations(page);
				if (violations.length > 0) found[path] = violations;
			}
			// A request opened from the queue, with its actions.
			await page.goto('/office');
			await page.getByRole('table').getByRole('link').first().click();
			await expect(page).toHaveURL(/\/office\/requests\//);
			await settle(page);
			const request = await seriousViolations(page);
			if (request.length > 0) found['/office/requests/…'] = request;
			expect(found).toEqual({});
		});
	});
