import { expect, test, e2eToday } from './helpers/test';
import { addMonths, monthOf } from '../../src/lib/domain/dates';
import { decodeChargeLines } from '../../src/lib/domain/billing';
import {
	englishDate,
	englishKwh,
	englishSom,
	offlineAfterFirstSync,
	serverDb
} from './helpers/app';

const NUMBER = '1726001002';
const OPERATORS: Record<string, string> = {
	oson: 'OSON',
	payme: 'Payme',
	click: 'Click',
	upay: 'UPay',
	cash: 'Cash',
	bank: 'Bank transfer'
};
const MONTHS = [
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

function truth(number: string, month: string) {
	const db = serverDb();
	try {
		const { id } = db.prepare('select id from accounts where number = ?').get(number) as {
			id: number;
		};
		const lastPayment = db
			.prepare(
				"select date, amount_tiyin, operator from ledger_entries where account_id = ? and kind = 'payment' order by date desc, id desc limit 1"
			)
			.get(id) as { date: string; amount_tiyin: number; operator: string };
		const charge = db
			.prepare(
				'select usage_wh, amount_tiyin, lines_json from charges where account_id = ? and month = ? order by revision desc limit 1'
			)
			.get(id, month) as { usage_wh: number; amount_tiyin: number; lines_json: string };
		return { accountId: id, lastPayment, charge };
	} finally {
		db.close();
	}
}

test.describe('payments history', () => {
	test("offline, the last payment shows as received, and a month's charge has the server's block lines", async ({
		page,
		context
	}) => {
		const month = addMonths(monthOf(e2eToday()), -2);
		const { accountId, lastPayment, charge } = truth(NUMBER, month);
		await offlineAfterFirstSync(page, context);
		await page.goto(`/payments?account=${accountId}`);
		await expect(
			page.getByRole('heading', { level: 1, name: 'Payments and charges' })
		).toBeVisible();

		const newest = page.getByTestId('payment').first();
		await expect(newest.getByRole('cell')).toHaveText([
			englishDate(lastPayment.date),
			OPERATORS[lastPayment.operator],
			englishSom(lastPayment.amount_tiyin),
			'Received'
		]);

		const monthName = `${MONTHS[Number(month.slice(5)) - 1]} ${month.slice(0, 4)}`;
		const item = page.locator(`[data-testid="charge"][data-month="${month}"]`);
		await item.locator('summary', { hasText: monthName }).click();
		const lines = decodeChargeLines(charge.lines_json);
		const rows = item.getByTestId('charge-line');
		await expect(rows).toHaveCount(lines.length);
		for (const [i, line] of lines.entries()) {
			const cells = rows.nth(i).getByRole('cell');
			await expect(cells.nth(0)).toHaveText(englishKwh(line.wh));
			await expect(cells.nth(2)).toHaveText(englishSom(line.tiyin));
		}
		await expect(item.getByTestId('charge-total')).toHaveText(englishSom(charge.amount_tiyin));
		expect(lines.reduce((sum, l) => sum + l.tiyin, 0)).toBe(charge.amount_tiyin);
	});
});
