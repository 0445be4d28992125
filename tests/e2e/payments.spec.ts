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

test.describe('topping up through Payme', () => {
	test('an intent made offline survives an offline reload, is paid in the sandbox once online, and the open app sees the balance rise once; the receipt reads offline', async ({
		page,
		context
	}) => {
		const number = '1726001001';
		const db = serverDb();
		const { id: accountId } = db
			.prepare('select id from accounts where number = ?')
			.get(number) as {
			id: number;
		};
		db.close();
		const balanceNow = () => {
			const d = serverDb();
			try {
				return (
					d.prepare('select balance_tiyin as b from accounts where id = ?').get(accountId) as {
						b: number;
					}
				).b;
			} finally {
				d.close();
			}
		};
		const before = balanceNow();
		const AMOUNT = 5_000_000; // 50,000 so'm
		// As the page writes a balance: a debt with its minus sign.
		const balanceText = (tiyin: number) => `${tiyin < 0 ? '-' : ''}${englishSom(tiyin)}`;

		// Online once: the first sync, and the home page learns which operators there are.
		await offlineAfterFirstSync(page, context);
		await context.setOffline(false);
		await page.reload();
		const topUp = page.getByRole('link', { name: `Top up (account ${number})` });
		await expect(topUp).toBeVisible();
		await expect(page.getByText(/^Updated /)).toBeVisible();
		await context.setOffline(true);

		await topUp.click();
		await expect(page.getByRole('heading', { level: 2, name: 'Top up' })).toBeVisible();
		await expect(page.getByTestId('top-up-balance')).toHaveText(balanceText(before));
		const amount = page.getByLabel("Amount, so'm");
		// A clear message for what cannot be an amount, and nothing is saved.
		await amount.fill('12500,50');
		await page.getByRole('button', { name: 'Top up', exact: true }).click();
		await expect(page.getByText("Enter the amount in so'm in digits")).toBeVisible();
		await expect(amount).toHaveAttribute('aria-invalid', 'true');
		await amount.fill('999.99');
		await page.getByRole('button', { name: 'Top up', exact: true }).click();
		await expect(page.getByText("The smallest payment is 1,000 so'm.")).toBeVisible();
		await expect(page.getByTestId('top-up-order')).toHaveCount(0);

		await page.getByRole('button', { name: "50,000 so'm", exact: true }).click();
		await expect(amount).toHaveValue('50,000');
		await page.getByRole('radio', { name: 'Payme' }).check();
		await page.getByRole('button', { name: 'Top up', exact: true }).click();
		await expect(page.getByText('Saved on this phone, waiting for network.')).toBeVisible();
		const order = page.getByTestId('top-up-order');
		await expect(order).toHaveCount(1);
		await expect(order).toHaveAttribute('data-status', 'waiting');
		await expect(order.getByText('Waiting for network')).toBeVisible();

		await page.reload();
		await expect(order).toHaveAttribute('data-status', 'waiting');
		await expect(order.getByText("50,000 so'm")).toBeVisible();

		// Online: pushed, the order opened, and its checkout link offered.
		await context.setOffline(false);
		const pay = order.getByRole('link', { name: /^Pay with Payme/ });
		await expect(pay).toBeVisible({ timeout: 20_000 });
		await expect(order).toHaveAttribute('data-status', 'open');
		const href = await pay.getAttribute('href');
		expect(href).toMatch(/\/sandbox\/payme\/[A-Za-z0-9+/=]+$/);

		const [checkout] = await Promise.all([context.waitForEvent('page'), pay.click()]);
		await expect(checkout.getByText('Payme sandbox — demo only')).toBeVisible();
		await expect(checkout.locator('[data-field="account"]')).toHaveText(number);
		await expect(checkout.locator('[data-field="amount"]')).toHaveText(/^50\s000,00 UZS$/);
		await checkout.getByRole('button', { name: 'Pay' }).click();
		await expect(checkout).toHaveURL(new RegExp(`/payments\\?account=${accountId}&order=`));
		await checkout.close();

		// The open app, never reloaded: the poke and the pull bring the payment, once.
		await expect(page.getByTestId('top-up-balance')).toHaveText(balanceText(before + AMOUNT), {
			timeout: 20_000
		});
		await expect(order).toHaveAttribute('data-status', 'paid');
		await page.waitForTimeout(1500);
		await expect(page.getByTestId('top-up-balance')).toHaveText(balanceText(before + AMOUNT));
		expect(balanceNow()).toBe(before + AMOUNT);
		const d = serverDb();
		const entries = d
			.prepare(
				"select source_ref as ref from ledger_entries where account_id = ? and kind = 'payment' and source_ref like 'payme:%'"
			)
			.all(accountId) as Array<{ ref: string }>;
		d.close();
		expect(entries).toHaveLength(1);
		const txId = entries[0].ref.slice('payme:'.length);

		// The receipt, from the phone alone.
		await context.setOffline(true);
		await page.reload();
		await order.getByText('Receipt').click();
		const receipt = order.getByTestId('receipt');
		await expect(receipt.getByTestId('receipt-tx')).toHaveText(txId);
		await expect(receipt.getByTestId('receipt-amount')).toHaveText(englishSom(AMOUNT));
		await expect(receipt.getByTestId('receipt-account')).toHaveText(number);
		await expect(receipt.getByTestId('receipt-balance')).toHaveText(balanceText(before + AMOUNT));
		await expect(receipt.getByText('Payme', { exact: true })).toBeVisible();
	});
});
