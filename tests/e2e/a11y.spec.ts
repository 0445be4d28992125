import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './helpers/test';
import { signIn } from './helpers/app';

// Every page through axe-core: no serious or critical violation. At a phone's size and a laptop's
// (a table that fits one may scroll in the other), in both colour schemes (dark mode has its own
// colours to get wrong): in light as demo2, whose account has the longest figures, in dark as
// demo, who has two accounts and so an account menu. Folded <details> are opened first, so what
// they hold is checked too.

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
