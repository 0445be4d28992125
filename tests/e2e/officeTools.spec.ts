import { expect, test, e2eToday, type Page } from './helpers/test';
import { serverDb } from './helpers/app';

// The back office's tools at a desk (1280×800, online): publishing a tariff, importing readings,
// reading the audit log.

async function signInAsOperator(page: Page) {
	await page.goto('/login');
	await page.getByLabel('Login').fill('operator');
	await page.getByLabel('Password').fill('operate12345');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/office$/);
}

test('an operator publishes a tariff from a future day, after the form points at a bad field', async ({
	page
}) => {
	await signInAsOperator(page);
	await page.goto('/office/tariffs');
	await expect(page.getByTestId('tariff-row').first()).toBeVisible();
	const rowsBefore = await page.getByTestId('tariff-row').count();

	const form = page.getByTestId('publish-tariff');
	await form.getByLabel('Tariff class').selectOption('household');
	// Today (the tests' clock) is not in the future: the form says so beside the date.
	const today = e2eToday();
	await form.getByLabel('In force from').fill(today);
	const blocks = form.getByTestId('tariff-block');
	await blocks.nth(0).getByLabel('Up to kWh').fill('200');
	await blocks.nth(0).getByLabel("So'm per kWh").fill('12.345');
	await blocks.nth(1).getByLabel("So'm per kWh").fill('1500');
	await form.getByRole('button', { name: 'Publish' }).click();
	await expect(form.getByLabel('In force from')).toHaveAttribute('aria-invalid', 'true');
	await expect(form).toContainText('The date must be in the future');
	await expect(blocks.nth(0).getByLabel("So'm per kWh")).toHaveAttribute('aria-invalid', 'true');
	await expect(blocks.nth(0)).toContainText("So'm with at most 2 decimals");
	await expect(page.getByTestId('tariff-row')).toHaveCount(rowsBefore);

	await form.getByLabel('In force from').fill('2026-09-01');
	await blocks.nth(0).getByLabel("So'm per kWh").fill('1000');
	await form.getByRole('button', { name: 'Publish' }).click();
	await expect(page.getByRole('status')).toContainText('HOUSEHOLD_2026_09_01 is published');
	const row = page.getByTestId('tariff-row').filter({ hasText: 'HOUSEHOLD_2026_09_01' });
	await expect(row).toContainText('Coming');
	await expect(row).toContainText("up to 200 kWh: 1,000 so'm");

	const db = serverDb();
	try {
		const stored = db
			.prepare(
				'select effective_from as effectiveFrom, blocks_json as blocks from tariff_versions where id = ?'
			)
			.get('HOUSEHOLD_2026_09_01') as { effectiveFrom: string; blocks: string };
		expect(stored.effectiveFrom).toBe('2026-09-01');
		expect(JSON.parse(stored.blocks)).toEqual([
			{ upToKwh: '200', pricePerKwh: '1000' },
			{ upToKwh: null, pricePerKwh: '1500' }
		]);
	} finally {
		db.close();
	}

	// Withdrawn again (it is not in force), so that other tests see the published tariffs only.
	page.once('dialog', (dialog) => dialog.accept());
	await row.getByRole('button', { name: 'Withdraw' }).click();
	await expect(page.getByRole('status')).toContainText('HOUSEHOLD_2026_09_01 was withdrawn');
	await expect(page.getByTestId('tariff-row')).toHaveCount(rowsBefore);
});

test('an operator imports a small readings CSV and sees the report by line', async ({ page }) => {
	const db = serverDb();
	let meter: { serial: string; lastWh: number };
	try {
		meter = db
			.prepare(
				`select m.serial, max(r.value_wh) as lastWh from meters m
				 join accounts a on a.id = m.account_id join readings r on r.meter_id = m.id
				 where a.number not like '172600100%' and a.district_soato like '1726%'
				   and m.removed_on is null group by m.id limit 1`
			)
			.get() as { serial: string; lastWh: number };
	} finally {
		db.close();
	}
	const next = ((meter.lastWh + 1500) / 1000).toFixed(3);
	const csv = [
		'meter,date,kwh',
		`${meter.serial},${e2eToday()},${next}`,
		'NO-SUCH-METER,2026-06-01,10',
		`${meter.serial},2026-06-02,twelve`
	].join('\n');

	await signInAsOperator(page);
	await page.goto('/office/import');
	await page.getByLabel('CSV file (at most 16 MB)').setInputFiles({
		name: 'readings.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(csv)
	});
	await page.getByRole('button', { name: 'Import' }).click();
	const report = page.getByTestId('import-report');
	await expect(report).toContainText('Report: readings.csv');
	await expect(report.getByTestId('count-inserted')).toContainText('1');
	await expect(report.getByTestId('count-rejected')).toContainText('2');
	const rejections = report.getByTestId('rejections').locator('tbody tr');
	await expect(rejections).toHaveCount(2);
	await expect(rejections.nth(0)).toContainText('3');
	await expect(rejections.nth(0)).toContainText('No such meter');
	await expect(rejections.nth(1)).toContainText('4');
	await expect(rejections.nth(1)).toContainText('Wrong kWh');

	// A file that is no readings CSV is refused with its reason, and nothing is imported.
	await page.getByLabel('CSV file (at most 16 MB)').setInputFiles({
		name: 'photo.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('serial;day;value\nX;1;2')
	});
	await page.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'meter,date,kwh' })).toContainText(
		'Nothing was imported'
	);
});

test('the audit log lists the operator’s sign-in, and filters by event', async ({ page }) => {
	await signInAsOperator(page);
	await page.goto('/office/audit');
	const log = page.getByTestId('audit-log');
	const signIn = log.locator('tr[data-event="sign_in"]').filter({ hasText: 'operator' }).first();
	await expect(signIn).toContainText('Signed in');
	await page.getByLabel('Event').selectOption('sign_in_failed');
	await expect(log.locator('tr[data-event="sign_in"]')).toHaveCount(0);
	await page.getByLabel('Event').selectOption('sign_in');
	await expect(log.locator('tbody tr').first()).toHaveAttribute('data-event', 'sign_in');
});
