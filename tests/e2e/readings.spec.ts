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

		// The page itself scrolls (no scroll box inside it): at the end of the page, the oldest
		// reading is there, and still only a screenful of rows.
		await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
		const oldest = table.locator(`[role="row"][aria-rowindex="${readings.length + 1}"]`);
		await expect(oldest).toContainText(englishDate(readings[0].date));
		expect(await table.getByRole('row').count()).toBeLessThan(60);
	});

	test('two years of readings scroll with the page, and a month can be jumped to', async ({
		page
	}) => {
		const { accountId, readings } = truth(NUMBER);
		await page.setViewportSize({ width: 360, height: 640 });
		await signIn(page);
		await page.goto(`/readings?account=${accountId}`);
		const table = page.getByTestId('readings-table');
		await expect(table.locator('[role="row"][aria-rowindex="2"]')).toBeVisible();
		// No box that scrolls inside the page: every ancestor of the rows lets the page scroll.
		const nestedScroll = await table.locator('[role="row"][aria-rowindex="2"]').evaluate((row) => {
			const boxes: string[] = [];
			for (let el = row.parentElement; el && el !== document.body; el = el.parentElement) {
				const { overflowY } = getComputedStyle(el);
				if ((overflowY === 'auto' || overflowY === 'scroll') && el.scrollHeight > el.clientHeight)
					boxes.push(el.className);
			}
			return boxes;
		});
		expect(nestedScroll).toEqual([]);

		// A month a year back, picked from the month jump: its newest reading comes into view.
		const newest = readings[readings.length - 1].date;
		const [y, m] = newest.split('-').map(Number);
		const month = `${y - 1}-${String(m).padStart(2, '0')}`;
		const newestOfMonth = readings.filter((r) => r.date.startsWith(month)).at(-1)!;
		const names = [
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
		await page.getByLabel('Go to month').selectOption({ label: `${names[m - 1]} ${y - 1}` });
		const row = table.locator(`[role="row"][data-date="${newestOfMonth.date}"]`);
		await expect(row).toBeInViewport();
		await expect(row).toContainText(englishDate(newestOfMonth.date));
		expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(5000);
		expect(await table.getByRole('row').count()).toBeLessThan(60);
	});
});
