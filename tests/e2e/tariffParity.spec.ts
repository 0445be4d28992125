import { expect, test, e2eToday } from './helpers/test';
import { addMonths, monthOf } from '../../src/lib/domain/dates';
import { whToKwhText } from '../../src/lib/domain/readings/kwh';
import { serverDb, signIn } from './helpers/app';

// The phone rates a month with the tariff module inside its own bundle; the server rates it with
// the same module through tRPC. Both must say the same words and the same sums, to the tiyin.

const NUMBER = '1726001002'; // the electric-stove apartment: the other tariff class

function chargeOf(month: string) {
	const db = serverDb();
	try {
		return db
			.prepare(
				`select a.id as accountId, a.tariff_class as tariffClass, c.usage_wh as usageWh from charges c
				 join accounts a on a.id = c.account_id where a.number = ? and c.month = ?
				 order by c.revision desc limit 1`
			)
			.get(NUMBER, month) as { accountId: number; tariffClass: string; usageWh: number };
	} finally {
		db.close();
	}
}

test('the phone explains a bill in the same words and sums as the server, in every language', async ({
	page,
	request
}) => {
	await signIn(page);
	const thisMonth = monthOf(e2eToday());
	for (const [offset, locale] of [
		[-2, 'en'],
		[-7, 'ru'],
		[-13, 'uz'],
		[-19, 'uz-Cyrl']
	] as const) {
		const month = addMonths(thisMonth, offset);
		const charge = chargeOf(month);
		const input = {
			tariffClass: charge.tariffClass,
			month,
			usageKwh: whToKwhText(charge.usageWh),
			locale
		};
		const response = await request.get(
			`/api/trpc/tariffs.rateMonth?input=${encodeURIComponent(JSON.stringify(input))}`
		);
		expect(response.ok()).toBe(true);
		const served = (await response.json()).result.data as { lines: string[]; total: string };

		await page.evaluate((l) => localStorage.setItem('tok.locale', l), locale);
		await page.goto(`/consumption?account=${charge.accountId}`);
		await page.getByRole('radio').first().waitFor();
		// Months are chosen by position: the radios are in month order, newest last.
		const radios = page.getByRole('radio');
		const count = await radios.count();
		await radios.nth(count - 1 + offset + 1).click();
		const detail = page.getByTestId('month-detail');
		await expect(detail).toHaveAttribute('data-month', month);
		await expect(detail.getByTestId('bill-lines').getByRole('listitem')).toHaveText(served.lines);
		await expect(detail.getByTestId('bill-total')).toHaveText(served.total);
	}
});
