import { expect, test } from './helpers/test';
import { readFile } from 'node:fs/promises';
import { englishDate, offlineAfterFirstSync, serverDb, signIn } from './helpers/app';

const NUMBER = '1726001001';

function truth(number: string) {
	const db = serverDb();
	try {
		const { id } = db.prepare('select id from accounts where number = ?').get(number) as {
			id: number;
		};
		const readings = db
			.prepare(
				`select r.date, r.value_wh from readings r join meters m on m.id = r.meter_id
				 where m.account_id = ? order by r.date`
			)
			.all(id) as Array<{ date: string; value_wh: number }>;
		return { accountId: id, readings };
	} finally {
		db.close();
	}
}

const kwh = (wh: number) => `${Math.floor(wh / 1000)}.${String(wh % 1000).padStart(3, '0')}`;

test.describe('readings history', () => {
	test('offline, "Export CSV" saves every reading of the meter, date by date and to the watt-hour, as the server has them', async ({
		page,
		context
	}) => {
		const { accountId, readings } = truth(NUMBER);
		await offlineAfterFirstSync(page, context);
		await page.goto(`/readings?account=${accountId}`);
		await expect(page.getByRole('heading', { level: 1, name: 'Meter readings' })).toBeVisible();

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Export CSV' }).click()
		]);
		expect(download.suggestedFilename()).toBe(`tok-readings-${NUMBER}.csv`);
		const csv = await readFile((await download.path())!, 'utf8');
		const [header, ...rows] = csv.trimEnd().split('\r\n');
		expect(header).toBe('account,meter,date,reading_kwh,usage_kwh,source,estimated');
		const cells = rows.map((r) => r.split(','));
		expect(cells.every((c) => c[0] === NUMBER)).toBe(true);
		expect(cells.map((c) => [c[2], c[3]])).toEqual(readings.map((r) => [r.date, kwh(r.value_wh)]));
	});

	test('readings are listed newest first with their source, and only the rows in view are in the page', async ({
		page
	}) => {
		const { accountId, readings } = truth(NUMBER);
		expect(readings.length).toBeGreaterThan(600);
		await signIn(page);
		await page.goto(`/readings?account=${accountId}`);
		const table = page.getByRole('table', {
			name: `Daily readings of account ${NUMBER}, newest first`
		});
		await expect(table).toHaveAttribute('aria-rowcount', String(readings.length + 1));
		const newest = readings[readings.length - 1];
		const firstRow = table.locator('[role="row"][aria-rowindex="2"]');
		await expect(firstRow).toContainText(englishDate(newest.date));
		await expect(firstRow).toContainText('Smart meter');
		expect(await table.getByRole('row').count()).toBeLessThan(60);

		// Scrolled to the end, the oldest reading is there, and still only a screenful of rows.
		await table
			.getByRole('rowgroup')
			.last()
			.evaluate((el) => (el.scrollTop = el.scrollHeight));
		const oldest = table.locator(`[role="row"][aria-rowindex="${readings.length + 1}"]`);
		await expect(oldest).toContainText(englishDate(readings[0].date));
		expect(await table.getByRole('row').count()).toBeLessThan(60);
	});
});
