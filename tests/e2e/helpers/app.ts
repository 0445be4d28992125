import { expect, type BrowserContext, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { E2E_DATA_DIR } from '../../../playwright.config';

/** Signs in and waits for the role's home (`/`; the back office's is /office). */
export async function signIn(
	page: Page,
	login = 'demo',
	password = 'demo12345',
	home: RegExp = /\/$/
) {
	await page.goto('/login');
	await page.getByLabel('Login').fill(login);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(home);
}

/**
 * Read-only look into the server's SQLite file, to compare what the page shows with the truth.
 * `dataDir` is the test server's unless a test runs its own (helpers/serverProcess.ts).
 */
export function serverDb(dataDir = E2E_DATA_DIR) {
	return new Database(join(dataDir, 'tok.sqlite'), { readonly: true, fileMustExist: true });
}

/** Waits until the service worker controls the page, so that it can be reloaded offline. */
export async function serviceWorkerControls(page: Page) {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller)
			await new Promise((r) =>
				navigator.serviceWorker.addEventListener('controllerchange', r, { once: true })
			);
	});
}

/**
 * Signs in as demo, waits for the first sync and for the service worker to control the page,
 * then takes the network away: what the app shows from then on comes from the phone.
 */
export async function offlineAfterFirstSync(page: Page, context: BrowserContext) {
	await signIn(page);
	await expect(page.getByText(/^Updated /)).toBeVisible();
	await serviceWorkerControls(page);
	await context.setOffline(true);
}

export interface AccountTruth {
	number: string;
	balanceTiyin: number;
	lastPayment: { date: string; amount_tiyin: number };
	lastReading: { date: string; value_wh: number };
}

export function accountTruth(number: string): AccountTruth {
	const db = serverDb();
	try {
		const a = db.prepare('select id, balance_tiyin from accounts where number = ?').get(number) as {
			id: number;
			balance_tiyin: number;
		};
		const lastPayment = db
			.prepare(
				"select date, amount_tiyin from ledger_entries where account_id = ? and kind = 'payment' order by date desc, id desc limit 1"
			)
			.get(a.id) as AccountTruth['lastPayment'];
		const lastReading = db
			.prepare(
				'select r.date, r.value_wh from readings r join meters m on m.id = r.meter_id where m.account_id = ? order by r.date desc limit 1'
			)
			.get(a.id) as AccountTruth['lastReading'];
		return { number, balanceTiyin: a.balance_tiyin, lastPayment, lastReading };
	} finally {
		db.close();
	}
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** How the English page writes a calendar day: "5 Nov 2026". */
export function englishDate(date: string): string {
	const [y, m, d] = date.split('-').map(Number);
	return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** How the English page writes an amount of so'm from tiyin: "152,400 so'm" or "1,234.56 so'm". */
export function englishSom(tiyin: number): string {
	const abs = Math.abs(tiyin);
	const whole = Math.floor(abs / 100).toLocaleString('en-US');
	const frac = abs % 100;
	return `${whole}${frac ? `.${String(frac).padStart(2, '0')}` : ''} so'm`;
}

/** How the English page writes a meter value from Wh: "12,345.678 kWh". */
export function englishKwh(wh: number): string {
	const whole = Math.floor(wh / 1000).toLocaleString('en-US');
	const frac = String(wh % 1000)
		.padStart(3, '0')
		.replace(/0+$/, '');
	return `${whole}${frac ? `.${frac}` : ''} kWh`;
}
