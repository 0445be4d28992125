import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './helpers/test';
import { signIn } from './helpers/app';

// Every page through axe-core, signed in as demo: no serious or critical violation. Run in both
// colour schemes, since dark mode has its own colours to get wrong.

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
}

for (const colorScheme of ['light', 'dark'] as const) {
	test.describe(`accessibility (${colorScheme})`, () => {
		test.use({ colorScheme });

		test('the sign-in page has no serious or critical axe violations', async ({ page }) => {
			await page.goto('/login');
			await settle(page);
			expect(await seriousViolations(page)).toEqual([]);
		});

		test('every page signed in as demo has no serious or critical axe violations', async ({
			page
		}) => {
			test.setTimeout(120_000);
			await signIn(page);
			await expect(page.getByTestId('account-switcher')).toContainText('1726001001');
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
