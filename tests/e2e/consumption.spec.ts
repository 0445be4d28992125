import { expect, test, e2eToday } from './helpers/test';
import { TARIFF_VERSIONS, rateMonth } from '../../src/lib/tariff';
import { explainIn } from '../../src/lib/i18n/allCatalogues';
import { formatKwh, formatSom } from '../../src/lib/i18n/numbers';
import { addMonths, daysInMonth, monthOf } from '../../src/lib/domain/dates';
import { whToKwhText } from '../../src/lib/domain/readings/kwh';
import { offlineAfterFirstSync, serverDb, signIn } from './helpers/app';

const NUMBER = '1726001001';
const MONTH_NAMES = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];
const monthName = (month: string) =>
	`${MONTH_NAMES[Number(month.slice(5)) - 1]} ${month.slice(0, 4)}`;

interface Charge {
	month: string;
	usage_wh: number;
	amount_tiyin: number;
}

/** Each billed month of the account at its latest revision, oldest first, as SQLite holds it. */
function chargesOf(number: string): { accountId: number; tariffClass: string; charges: Charge[] } {
	const db = serverDb();
	try {
		const account = db
			.prepare('select id, tariff_class from accounts where number = ?')
			.get(number) as { id: number; tariff_class: string };
		const charges = db
			.prepare(
				`select c.month, c.usage_wh, c.amount_tiyin from charges c
				 where c.account_id = ? and c.revision = (select max(revision) from charges where account_id = c.account_id and month = c.month)
				 order by c.month`
			)
			.all(account.id) as Charge[];
		return { accountId: account.id, tariffClass: account.tariff_class, charges };
	} finally {
		db.close();
	}
}

function dailyReadings(accountId: number, from: string, to: string) {
	const db = serverDb();
	try {
		return db
			.prepare(
				`select r.date, r.value_wh from readings r join meters m on m.id = r.meter_id
				 where m.account_id = ? and r.date >= ? and r.date <= ? order by r.date`
			)
			.all(accountId, from, to) as Array<{ date: string; value_wh: number }>;
	} finally {
		db.close();
	}
}

const signed = (text: string, value: number) => (value > 0 ? `+${text}` : text);

test.describe('consumption', () => {
	test("offline, a month's bill is explained block by block exactly as rateMonth rates its usage", async ({
		page,
		context
	}) => {
		const { accountId, tariffClass, charges } = chargesOf(NUMBER);
		const month = addMonths(monthOf(e2eToday()), -3);
		const charge = charges.find((c) => c.month === month);
		expect(charge, `a charge for ${month}`).toBeDefined();
		const rating = rateMonth(TARIFF_VERSIONS, tariffClass, month, whToKwhText(charge!.usage_wh));
		const expected = explainIn(rating, 'en');

		await offlineAfterFirstSync(page, context);
		await page.goto(`/consumption?account=${accountId}`);
		await expect(page.getByRole('heading', { level: 1, name: 'Consumption' })).toBeVisible();
		await page.getByRole('radio', { name: new RegExp(`^${monthName(month)}:`) }).click();

		const detail = page.getByTestId('month-detail');
		await expect(detail).toHaveAttribute('data-month', month);
		await expect(detail.getByRole('heading', { level: 2 })).toHaveText(monthName(month));
		await expect(detail.getByTestId('bill-lines').getByRole('listitem')).toHaveText([
			...expected.lines
		]);
		await expect(detail.getByTestId('bill-total')).toHaveText(expected.total);
		// The bill explained is the bill charged.
		expect(rating.total.times(100).toNumber()).toBe(charge!.amount_tiyin);
		await expect(detail.getByTestId('month-amount')).toHaveText(formatSom(rating.total, 'en'));
	});

	test('the chart shows the last 24 billed months, split at the social norm, with a table of the same numbers', async ({
		page
	}) => {
		const { accountId, charges } = chargesOf(NUMBER);
		const shown = charges.slice(-24);
		await signIn(page);
		await page.goto(`/consumption?account=${accountId}`);
		const bars = page.getByRole('radiogroup', {
			name: 'Choose a month to see its days and its bill.'
		});
		await expect(bars.getByRole('radio')).toHaveCount(shown.length);
		// The newest month is chosen at first.
		const newest = shown[shown.length - 1];
		await expect(bars.getByRole('radio', { checked: true })).toHaveAccessibleName(
			`${monthName(newest.month)}: ${formatKwh(whToKwhText(newest.usage_wh), 'en')}, ${formatSom(newest.amount_tiyin / 100, 'en')}`
		);

		await page.getByText('Show as a table').first().click();
		const table = page.getByRole('table', { name: `Use and bill by month, account ${NUMBER}` });
		await expect(table.getByRole('row')).toHaveCount(shown.length + 1);
		const first = table.getByRole('row').nth(1);
		await expect(first.getByRole('rowheader')).toHaveText(monthName(newest.month));
		await expect(first.getByRole('cell').first()).toHaveText(
			formatKwh(whToKwhText(newest.usage_wh), 'en')
		);
	});

	test('a month is compared with the month before and the same month last year, and shown day by day', async ({
		page
	}) => {
		const { accountId, charges } = chargesOf(NUMBER);
		const current = charges[charges.length - 1];
		const before = charges.find((c) => c.month === addMonths(current.month, -1))!;
		const lastYear = charges.find((c) => c.month === addMonths(current.month, -12))!;
		await signIn(page);
		await page.goto(`/consumption?account=${accountId}`);
		const detail = page.getByTestId('month-detail');
		await expect(detail).toHaveAttribute('data-month', current.month);

		for (const [column, earlier] of [
			['previous', before],
			['lastYear', lastYear]
		] as const) {
			const kwh = current.usage_wh - earlier.usage_wh;
			const tiyin = current.amount_tiyin - earlier.amount_tiyin;
			const percent = Math.round((kwh * 1000) / earlier.usage_wh) / 10;
			await expect(detail.getByTestId(`compare-${column}-usage`)).toHaveText(
				signed(formatKwh(whToKwhText(kwh), 'en'), kwh)
			);
			await expect(detail.getByTestId(`compare-${column}-amount`)).toHaveText(
				signed(formatSom(tiyin / 100, 'en'), tiyin)
			);
			await expect(detail.getByTestId(`compare-${column}-percent`)).toHaveText(
				`${percent > 0 ? '+' : ''}${percent}\u00a0%`
			);
		}

		// Day by day: each day's use is that day's reading minus the day before's.
		const readings = dailyReadings(
			accountId,
			`${addMonths(current.month, -1)}-${daysInMonth(addMonths(current.month, -1))}`,
			`${current.month}-${daysInMonth(current.month)}`
		);
		await detail.getByText('Show as a table').click();
		const days = detail.getByRole('table', { name: `Use per day, ${monthName(current.month)}` });
		await expect(days.getByRole('row')).toHaveCount(daysInMonth(current.month) + 1);
		const fifteenth = readings.findIndex((r) => r.date === `${current.month}-15`);
		const used = readings[fifteenth].value_wh - readings[fifteenth - 1].value_wh;
		await expect(days.getByRole('row').nth(15).getByRole('cell')).toHaveText(
			formatKwh(whToKwhText(used), 'en')
		);
	});
});
