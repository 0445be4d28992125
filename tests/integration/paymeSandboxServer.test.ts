import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../../src/lib/server/db';
import { openOrder } from '../../src/lib/server/services/payments/orders';
import { encodePaymeCheckout } from '../../src/lib/server/services/payments/paymeCheckout';
import { verifyLedger } from '../../src/lib/server/services/ledger';
import { tempDb } from './helpers/testDb';
import { anAccount } from './helpers/builders';
import { startBuiltServer } from './helpers/builtServer';

// The demo's Payme sandbox on the built server: absent from `npm run serve` without TOK_DEMO, and
// with it a page that pays through Tok's real Merchant API over HTTP.

const KEY = 'sandbox-payme-key-51c0';
type Server = Awaited<ReturnType<typeof startBuiltServer>>;
let production: Server;
let demo: Server;
let cleanup: () => void;
let dir: string;
let account: { id: number; number: string };
const ORDER = '01900000-0000-7000-8000-00000000c0de';
const AMOUNT = 4_200_000;

beforeAll(async () => {
	const t = tempDb();
	({ cleanup, dir } = t);
	account = anAccount(t.db);
	openOrder(t.db, {
		intentId: ORDER,
		accountId: account.id,
		operator: 'payme',
		amountTiyin: AMOUNT,
		nowMs: Date.now()
	});
	t.db.$client.close();
	[production, demo] = await Promise.all([
		startBuiltServer(dir, { PAYME_KEY: KEY, TOK_DEMO: '' }),
		startBuiltServer(dir, { PAYME_KEY: KEY, TOK_DEMO: '1', TOK_DEMO_ACCOUNTS: '0' })
	]);
}, 90_000);
afterAll(async () => {
	await Promise.all([production?.stop(), demo?.stop()]);
	cleanup?.();
});

const token = (
	returnBase: string,
	extra: Partial<Parameters<typeof encodePaymeCheckout>[0]> = {}
) =>
	encodePaymeCheckout({
		merchantId: '5f0c0de0000000000000d300',
		accountNumber: account.number,
		orderId: ORDER,
		amountTiyin: AMOUNT,
		lang: 'en',
		returnUrl: `${returnBase}/payments?account=${account.id}&order=${ORDER}`,
		...extra
	});

const pay = (server: Server, t: string, action: string) =>
	fetch(`${server.baseURL}/sandbox/payme/${t}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ action })
	});
const outcome = async (response: Response) => {
	expect(response.status).toBe(200);
	return (await response.json()) as { redirect?: string; error?: string };
};

const payments = () => {
	const db = openDatabase(join(dir, 'tok.sqlite'));
	try {
		return {
			entries: db.$client
				.prepare(
					"select amount_tiyin as a, source_ref as ref from ledger_entries where account_id = ? and kind = 'payment'"
				)
				.all(account.id) as Array<{ a: number; ref: string }>,
			order: db.$client
				.prepare('select status, receipt_operator_tx_id as tx from payment_orders where id = ?')
				.get(ORDER) as { status: string; tx: string | null },
			mismatches: verifyLedger(db).mismatches
		};
	} finally {
		db.$client.close();
	}
};

describe('the Payme sandbox', () => {
	it('is not there under `npm run serve` without TOK_DEMO: 404 for the page and its form', async () => {
		const t = token(production.baseURL);
		for (const path of [
			`/sandbox/payme/${t}`,
			'/sandbox/payme',
			'/sandbox',
			'/sandbox/payme/x/y'
		]) {
			const response = await fetch(`${production.baseURL}${path}`);
			expect(response.status).toBe(404);
			expect(await response.text()).not.toMatch(/payme/i);
		}
		expect((await pay(production, t, 'pay')).status).toBe(404);
		expect(payments().entries).toEqual([]);
	});

	it('shows the merchant, account and amount of the link, and refuses a link that is not one', async () => {
		const response = await fetch(`${demo.baseURL}/sandbox/payme/${token(demo.baseURL)}`);
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain('Payme sandbox — demo only');
		expect(html).toMatch(/data-field="merchant">5f0c0de0000000000000d300</);
		expect(html).toMatch(new RegExp(`data-field="account">${account.number}<`));
		expect(html).toMatch(/data-field="amount">42\u00a0000,00 UZS</);
		expect(html).toMatch(/<button type="button" class="pay" data-action="pay">Pay<\/button>/);
		// Its one script by hash, nothing from elsewhere.
		expect(response.headers.get('content-security-policy')).toMatch(
			/^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+';/
		);
		const junk = await fetch(
			`${demo.baseURL}/sandbox/payme/${Buffer.from('m=1;a=x').toString('base64')}`
		);
		expect(junk.status).toBe(400);
	});

	it("Cancel goes back to Tok and charges nothing; Pay runs Payme's calls and credits once", async () => {
		const t = token(demo.baseURL);
		const back = `${demo.baseURL}/payments?account=${account.id}&order=${ORDER}`;
		expect(await outcome(await pay(demo, t, 'cancel'))).toEqual({ redirect: back });
		expect(payments().entries).toEqual([]);

		expect(await outcome(await pay(demo, t, 'pay'))).toEqual({ redirect: back });
		const after = payments();
		expect(after.entries).toHaveLength(1);
		expect(after.entries[0].a).toBe(AMOUNT);
		expect(after.entries[0].ref).toMatch(/^payme:[0-9a-f]{24}$/);
		expect(after.order).toEqual({ status: 'paid', tx: after.entries[0].ref.slice(6) });
		expect(after.mismatches).toEqual([]);

		// Pressed again (a second tab, a back button): Payme's answer is shown, nothing more is paid.
		const again = await outcome(await pay(demo, t, 'pay'));
		expect(again.redirect).toBeUndefined();
		expect(again.error).toMatch(/^Payme could not take the payment: .+ \(-31053\)$/);
		expect(payments().entries).toHaveLength(1);
	});

	it('never sends the person to a return URL on another site', async () => {
		const response = await pay(demo, token('https://evil.example'), 'cancel');
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({ error: expect.stringMatching(/not this merchant/) });
	});
});
