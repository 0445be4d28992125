import { expect, test, type Page, e2eToday } from './helpers/test';
import { TARIFF_VERSIONS } from '../../src/lib/tariff';
import { explainIn } from '../../src/lib/i18n/allCatalogues';
import { monthOf } from '../../src/lib/domain/dates';
import { estimateMonth, type MonthEstimate } from '../../src/lib/domain/usage/estimate';
import {
	accountTruth,
	englishKwh,
	englishSom,
	offlineAfterFirstSync,
	serverDb,
	signIn
} from './helpers/app';

/** The month so far as the server's readings give it, worked out here with the same domain code. */
function expectedMonth(number: string): MonthEstimate {
	const db = serverDb();
	try {
		const account = db
			.prepare('select id, tariff_class, balance_tiyin from accounts where number = ?')
			.get(number) as { id: number; tariff_class: string; balance_tiyin: number };
		const today = e2eToday();
		const monthStart = `${monthOf(today)}-01`;
		const ofAccount = `select r.date, r.value_wh as valueWh from readings r join meters m on m.id = r.meter_id
			where m.account_id = ? and m.removed_on is null`;
		const previousReading =
			(db
				.prepare(`${ofAccount} and r.date < ? order by r.date desc limit 1`)
				.get(account.id, monthStart) as { date: string; valueWh: number } | undefined) ?? null;
		const readings = db
			.prepare(`${ofAccount} and r.date >= ? and r.date <= ? order by r.date`)
			.all(account.id, monthStart, today) as Array<{ date: string; valueWh: number }>;
		return estimateMonth({
			versions: TARIFF_VERSIONS,
			tariffClass: account.tariff_class,
			today,
			previousReading,
			readings,
			balanceTiyin: account.balance_tiyin
		});
	} finally {
		db.close();
	}
}

const monthSoFar = (page: Page, number: string) =>
	page.locator(`[data-testid="month-so-far"][data-account="${number}"]`);

test.describe('home', () => {
	test('offline, each account shows its month so far, rated block by block as the tariff module rates it', async ({
		page,
		context
	}) => {
		await offlineAfterFirstSync(page, context);
		await page.reload();
		await expect(page.getByRole('article')).toHaveCount(2);
		for (const number of ['1726001001', '1726001002']) {
			const expected = expectedMonth(number);
			const block = monthSoFar(page, number);
			await expect(block).toBeVisible();
			// The calendar is pinned mid-month (E2E_CLOCK): the demo has readings up to yesterday.
			expect(expected.daysCovered).toBeGreaterThan(0);
			await expect(block.getByTestId('usage-so-far')).toHaveText(englishKwh(expected.usageSoFarWh));
			const explanation = explainIn(expected.soFar, 'en');
			await expect(block.getByTestId('bill-lines').getByRole('listitem')).toHaveText([
				...explanation.lines
			]);
			await expect(block.getByTestId('bill-total')).toHaveText(explanation.total);
			if (expected.projectedUsageWh !== null && expected.projectedTiyin !== null)
				await expect(block.getByTestId('projection')).toHaveText(
					`about ${englishKwh(expected.projectedUsageWh)}, ${englishSom(expected.projectedTiyin)}`
				);
		}
	});

	test('the account in debt is warned about its debt, with the amount owed', async ({ page }) => {
		await signIn(page);
		const truth = accountTruth('1726001002');
		expect(truth.balanceTiyin).toBeLessThan(0);
		await expect(monthSoFar(page, '1726001002').getByTestId('balance-warning')).toHaveText(
			`You have a debt of ${englishSom(-truth.balanceTiyin)}. Please pay it soon.`
		);
	});

	test('the prepaid account says how many days its prepayment lasts, and warns only under a week', async ({
		page
	}) => {
		await signIn(page);
		const expected = expectedMonth('1726001001');
		const block = monthSoFar(page, '1726001001');
		await expect(block).toBeVisible();
		// Mid-month on the pinned calendar, the readings so far give a pace to go by.
		expect(expected.prepaymentDays).not.toBeNull();
		const days = expected.prepaymentDays ?? 0;
		if (days >= 7) {
			await expect(block.getByTestId('prepayment-days')).toHaveText(
				`At your recent use, your prepayment lasts about ${days} days.`
			);
			await expect(block.getByTestId('balance-warning')).toHaveCount(0);
		} else {
			await expect(block.getByTestId('balance-warning')).toHaveText(
				days === 0
					? 'At your recent use, your prepayment is enough for less than a day. Please top up.'
					: `At your recent use, your prepayment is enough for about ${days} ${days === 1 ? 'day' : 'days'}. Please top up.`
			);
		}
	});

	test('a prepayment beside its warning is never called "run out": it says how long it lasts', async ({
		page
	}) => {
		// 1726001003 has a prepayment and uses a lot: it lasts less than a day at its recent pace.
		await signIn(page, 'demo2', 'demo12345');
		const truth = accountTruth('1726001003');
		expect(truth.balanceTiyin).toBeGreaterThan(0);
		const expected = expectedMonth('1726001003');
		const block = monthSoFar(page, '1726001003');
		await expect(block).toBeVisible();
		await expect(page.getByTestId('balance')).toContainText(englishSom(truth.balanceTiyin));
		test.skip(
			expected.prepaymentDays === null && expected.soFarTiyin < truth.balanceTiyin,
			`no prepayment estimate on ${e2eToday()}`
		);
		const warning = block.getByTestId('balance-warning');
		await expect(warning).toBeVisible();
		await expect(warning).not.toContainText('run out');
		await expect(warning).toHaveText(
			expected.soFarTiyin >= truth.balanceTiyin
				? `This month’s use so far, ${englishSom(expected.soFarTiyin)}, already costs more than your prepayment. Please top up.`
				: expected.prepaymentDays === 0
					? 'At your recent use, your prepayment is enough for less than a day. Please top up.'
					: /At your recent use, your prepayment is enough for about \d+ days?\. Please top up\.$/
		);
	});

	test('each account links to its consumption, readings and payments', async ({ page }) => {
		await signIn(page);
		const card = page.locator('[data-testid="month-so-far"][data-account="1726001002"]');
		await expect(card).toBeVisible();
		await page.getByRole('link', { name: 'Payments (account 1726001002)' }).click();
		await expect(page).toHaveURL(/\/payments\?account=\d+$/);
		await expect(
			page.getByRole('heading', { level: 1, name: 'Payments and charges' })
		).toBeVisible();
		await expect(
			page.getByRole('table', { name: 'Payments to account 1726001002, newest first' })
		).toBeVisible();
	});
});
