import { createHash, randomBytes } from 'node:crypto';
import { decodePaymeCheckout, type PaymeCheckout } from '../services/payments/paymeCheckout';

/**
 * The demo's stand-in for Payme's checkout page (`npm start` only; hooks.server.ts answers 404
 * for /sandbox without TOK_DEMO). It reads the same GET checkout link Payme reads, shows what
 * Payme would, and on "Pay" plays Payme's side against Tok's real Merchant API over HTTP with
 * Payme's Basic credentials: CheckPerformTransaction, CreateTransaction (a new 24-hex id, the
 * time now), PerformTransaction; then it sends the person back to the link's return URL.
 * Its words are Payme's three languages (the link's `l`), not Tok's catalogues: it is
 * Payme's page, not the app's.
 *
 * The buttons post JSON from a small script rather than submit a form: SvelteKit refuses a
 * form post whose Origin is not the server's own, and without ORIGIN set adapter-node takes the
 * server for https, so the demo's plain-HTTP form would always be refused. A JSON post is no
 * easier to forge from another site (it needs a CORS preflight that Tok never grants).
 */

type Lang = PaymeCheckout['lang'];

const WORDS: Record<Lang, Record<string, string>> = {
	en: {
		title: 'Payme sandbox — demo only',
		note: 'This page stands in for Payme in the demo. No real money moves.',
		merchant: 'Merchant',
		account: 'Personal account',
		order: 'Order',
		amount: 'Amount',
		pay: 'Pay',
		cancel: 'Cancel',
		failed: 'Payme could not take the payment',
		back: 'Back to the merchant',
		invalid: 'This checkout link is not valid.'
	},
	ru: {
		title: 'Песочница Payme — только для демо',
		note: 'Эта страница заменяет Payme в демо. Настоящие деньги не списываются.',
		merchant: 'Поставщик',
		account: 'Лицевой счёт',
		order: 'Заказ',
		amount: 'Сумма',
		pay: 'Оплатить',
		cancel: 'Отмена',
		failed: 'Payme не смог принять платёж',
		back: 'Вернуться к поставщику',
		invalid: 'Эта ссылка на оплату недействительна.'
	},
	uz: {
		title: 'Payme sinov sahifasi — faqat demo',
		note: 'Bu sahifa demoda Payme oʻrnida. Haqiqiy pul yechilmaydi.',
		merchant: 'Yetkazib beruvchi',
		account: 'Shaxsiy hisob',
		order: 'Buyurtma',
		amount: 'Summa',
		pay: 'Toʻlash',
		cancel: 'Bekor qilish',
		failed: 'Payme toʻlovni qabul qila olmadi',
		back: 'Yetkazib beruvchiga qaytish',
		invalid: 'Bu toʻlov havolasi yaroqsiz.'
	}
};

const escape = (text: string) =>
	text.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);

/** Tiyin as so'm with grouped thousands, integers only ("50 000,00"). */
function som(tiyin: number): string {
	const whole = String(Math.floor(tiyin / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
	return `${whole},${String(tiyin % 100).padStart(2, '0')} UZS`;
}

// Posts the pressed button's action and follows the answer: back to Tok, or Payme's error.
const SCRIPT = `for (const b of document.querySelectorAll('button[data-action]'))
b.addEventListener('click', async () => {
for (const o of document.querySelectorAll('button')) o.disabled = true;
const out = document.getElementById('outcome');
try {
const r = await fetch(location.pathname, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: b.dataset.action }) });
const a = await r.json();
if (a.redirect) { location.assign(a.redirect); return; }
out.textContent = a.error;
} catch (e) { out.textContent = String(e); }
document.getElementById('back').hidden = false;
});`;
const SCRIPT_HASH = createHash('sha256').update(SCRIPT).digest('base64');

/** The headers of a sandbox page: its own small policy (its one script, inline style). */
export const SANDBOX_HEADERS = {
	'content-type': 'text/html; charset=utf-8',
	'cache-control': 'no-store',
	'content-security-policy': `default-src 'none'; script-src 'sha256-${SCRIPT_HASH}'; style-src 'unsafe-inline'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'`
};

function page(lang: Lang, body: string): string {
	const w = WORDS[lang];
	return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(w.title)}</title>
<style>
body{margin:0;font:16px/1.45 system-ui,sans-serif;background:#eef4f7;color:#17222b}
main{max-width:26rem;margin:1.5rem auto;padding:0 1rem}
.card{background:#fff;border-radius:14px;padding:1.25rem;box-shadow:0 2px 10px #0001}
.brand{font-weight:800;font-size:1.6rem;color:#00a3b4;margin:0}
.label{display:inline-block;margin:.4rem 0 1rem;padding:.15rem .6rem;border-radius:999px;background:#fff3c4;color:#5c4400;font-weight:700;font-size:.85rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.35rem .9rem;margin:0 0 1.25rem}
dt{color:#5a6b78}dd{margin:0;overflow-wrap:anywhere;font-variant-numeric:tabular-nums}
.amount{font-size:1.3rem;font-weight:700}
.buttons{display:flex;gap:.75rem;flex-wrap:wrap}
button,a.button{min-height:48px;padding:0 1.5rem;border-radius:10px;border:0;font:inherit;font-weight:700;cursor:pointer;text-decoration:none;display:inline-flex;align-items:center}
.pay{background:#00a3b4;color:#fff}.cancel{background:#e4eaee;color:#17222b}
.error{color:#a11a1a;font-weight:700}
.note{color:#5a6b78;font-size:.85rem}
</style></head><body><main><div class="card">
<p class="brand">payme</p><span class="label">${escape(w.title)}</span>
${body}
<p class="note">${escape(w.note)}</p>
</div></main></body></html>`;
}

/** The checkout page for a link, or a page saying the link is not valid. */
export function checkoutPage(token: string): { status: number; html: string } {
	const c = decodePaymeCheckout(token);
	if (!c) return { status: 400, html: page('en', `<p class="error">${WORDS.en.invalid}</p>`) };
	const w = WORDS[c.lang];
	return {
		status: 200,
		html: page(
			c.lang,
			`<dl>
<dt>${w.merchant}</dt><dd data-field="merchant">${escape(c.merchantId)}</dd>
<dt>${w.account}</dt><dd data-field="account">${escape(c.accountNumber)}</dd>
<dt>${w.order}</dt><dd data-field="order">${escape(c.orderId)}</dd>
<dt>${w.amount}</dt><dd class="amount" data-field="amount">${som(c.amountTiyin)}</dd>
</dl>
<div class="buttons">
<button type="button" class="pay" data-action="pay">${w.pay}</button>
<button type="button" class="cancel" data-action="cancel">${w.cancel}</button>
</div>
<p class="error" role="alert" id="outcome"></p>
<p id="back" hidden><a class="button cancel" href="${escape(c.returnUrl)}">${w.back}</a></p>
<script>${SCRIPT}</script>`
		)
	};
}

interface PaymeAnswer {
	result?: Record<string, unknown>;
	error?: { code: number; message: Record<string, string> };
}

/**
 * "Pay" or "Cancel" pressed. Pay runs Payme's three calls against `endpoint` (Tok's real
 * /api/payments/payme) with `Basic Paycom:<key>`; any error stops there and is answered with
 * Payme's code and message in the page's language. Otherwise: where to send the person.
 */
export async function submitCheckout(
	token: string,
	action: unknown,
	deps: { endpoint: string; key: string | undefined; nowMs: number; fetch: typeof fetch }
): Promise<{ redirect: string } | { error: string }> {
	const c = decodePaymeCheckout(token);
	if (!c) return { error: WORDS.en.invalid };
	if (action !== 'pay') return { redirect: c.returnUrl };
	const w = WORDS[c.lang];
	const failed = (code: number | string, message: string) => ({
		error: `${w.failed}: ${message} (${code})`
	});
	if (!deps.key) return failed(-32400, 'Payme is not configured');
	const authorization = `Basic ${Buffer.from(`Paycom:${deps.key}`).toString('base64')}`;
	let rpcId = 0;
	const call = async (method: string, params: unknown): Promise<PaymeAnswer> => {
		const response = await deps.fetch(deps.endpoint, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization },
			body: JSON.stringify({ jsonrpc: '2.0', id: ++rpcId, method, params })
		});
		return (await response.json()) as PaymeAnswer;
	};
	const account = { account: c.accountNumber, order: c.orderId };
	const id = randomBytes(12).toString('hex');
	try {
		for (const [method, params] of [
			['CheckPerformTransaction', { amount: c.amountTiyin, account }],
			['CreateTransaction', { id, time: deps.nowMs, amount: c.amountTiyin, account }],
			['PerformTransaction', { id }]
		] as const) {
			const answer = await call(method, params);
			if (answer.error)
				return failed(answer.error.code, answer.error.message[c.lang] ?? answer.error.message.en);
		}
	} catch (error) {
		return failed('network', error instanceof Error ? error.message : String(error));
	}
	return { redirect: c.returnUrl };
}

/** The same host as the request's: the sandbox sends people back to Tok only. */
export function isReturnToSelf(target: string, url: URL): boolean {
	try {
		return new URL(target).host === url.host;
	} catch {
		return false;
	}
}
