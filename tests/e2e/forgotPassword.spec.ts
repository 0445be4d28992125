import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './helpers/test';
import { serverDb, signIn } from './helpers/app';
import { E2E_DATA_DIR } from '../../playwright.config';

// "Forgot password?" end to end: the page asks the server, the server queues an SMS, the demo's
// file gateway writes it to $DATA_DIR/sms-outbox.jsonl, and the password in it signs in.
// A non-demo account's phone, so that no other spec's demo password changes.

const OUTBOX = join(E2E_DATA_DIR, 'sms-outbox.jsonl');

function smsTo(phone: string): Array<{ to: string; text: string; at: string }> {
	if (!existsSync(OUTBOX)) return [];
	return readFileSync(OUTBOX, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => JSON.parse(line) as { to: string; text: string; at: string })
		.filter((m) => m.to === phone);
}

function anAccountWithItsPhone(): { number: string; phone: string } {
	const db = serverDb();
	try {
		return db
			.prepare(
				"select number, phone from accounts where number not like '172600100%' order by number desc limit 1"
			)
			.get() as { number: string; phone: string };
	} finally {
		db.close();
	}
}

test('forgot password: a new password arrives by SMS to the registered phone, and signs in', async ({
	page
}) => {
	const account = anAccountWithItsPhone();
	await page.goto('/login');
	await page.getByRole('link', { name: 'Forgot your password?' }).click();
	await expect(page).toHaveURL(/\/login\/forgot$/);
	// Typed as a person would, with spaces and without the country code.
	const local = account.phone.slice(4);
	await page
		.getByLabel('Login or phone')
		.fill(`${local.slice(0, 2)} ${local.slice(2, 5)} ${local.slice(5)}`);
	await page.getByRole('button', { name: 'Send a new password' }).click();
	await expect(page.getByRole('status')).toContainText('If this login or phone is registered');

	await expect.poll(() => smsTo(account.phone).length, { timeout: 15_000 }).toBe(1);
	const [sms] = smsTo(account.phone);
	const login = /^Login: (.+)$/m.exec(sms.text)?.[1];
	const password = /^Parol: (.+)$/m.exec(sms.text)?.[1];
	expect(sms.text).toContain(account.number);
	expect(login).toBe(account.number);

	await signIn(page, login!, password!);
	await expect(page.getByTestId('account-number').first()).toContainText(account.number);
});

test('the answer is the same for a login that does not exist, and a fourth ask says when to try again', async ({
	page
}) => {
	const before = existsSync(OUTBOX) ? readFileSync(OUTBOX, 'utf8') : '';
	for (let i = 0; i < 3; i++) {
		await page.goto('/login/forgot');
		await page.getByLabel('Login or phone').fill('nobody-here');
		await page.getByRole('button', { name: 'Send a new password' }).click();
		await expect(page.getByRole('status')).toContainText('If this login or phone is registered');
	}
	await page.goto('/login/forgot');
	await page.getByLabel('Login or phone').fill('Nobody-Here');
	await page.getByRole('button', { name: 'Send a new password' }).click();
	await expect(page.getByRole('alert')).toContainText(
		/Too many requests for a new password\. Try again at \d\d:\d\d\./
	);
	// An empty field is explained beside it, before anything is sent.
	await page.getByLabel('Login or phone').fill('');
	await page.getByRole('button', { name: 'Send a new password' }).click();
	await expect(page.getByText('Enter your login or phone number.')).toBeVisible();
	expect(existsSync(OUTBOX) ? readFileSync(OUTBOX, 'utf8') : '').toBe(before);
});
