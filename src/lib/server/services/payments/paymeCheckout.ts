import { config } from '../../config';
import type { Locale } from '../../../i18n/locale';
import type { CheckoutRequest, PaymentOperatorAdapter } from './adapter';

/**
 * Payme's checkout by GET (Payme's "Initialising payments" document, sending the check by the
 * GET method): `<base>/<base64 of "m=<merchant id>;ac.account=<number>;ac.order=<order id>;
 * a=<tiyin>;l=<language>;c=<return URL>">`. The `ac.*` fields are the account fields of the
 * merchant's cashbox, which Tok's Merchant API reads as `account.account` and `account.order`.
 * Values are written as they are: `;` separates them, and none of Tok's contain one.
 */
export interface PaymeCheckout {
	merchantId: string;
	accountNumber: string;
	orderId: string;
	amountTiyin: number;
	lang: 'uz' | 'ru' | 'en';
	returnUrl: string;
}

/** Payme's checkout speaks uz, ru and en; Cyrillic Uzbek readers get Uzbek. */
export function paymeLanguage(locale: Locale): PaymeCheckout['lang'] {
	return locale === 'ru' || locale === 'en' ? locale : 'uz';
}

export function encodePaymeCheckout(c: PaymeCheckout): string {
	const fields = [
		`m=${c.merchantId}`,
		`ac.account=${c.accountNumber}`,
		`ac.order=${c.orderId}`,
		`a=${c.amountTiyin}`,
		`l=${c.lang}`,
		`c=${c.returnUrl}`
	];
	if (fields.some((f) => f.slice(2).includes(';')))
		throw new Error('a Payme checkout field cannot hold ";"');
	return Buffer.from(fields.join(';'), 'utf8').toString('base64');
}

/**
 * The fields of a checkout token, or null when it is not one: what Payme's page (and the demo's
 * sandbox) reads. Every field must be there once; the amount whole tiyin.
 */
export function decodePaymeCheckout(token: string): PaymeCheckout | null {
	if (token.length > 2048 || !/^[A-Za-z0-9+/=_-]+$/.test(token)) return null;
	const text = Buffer.from(token, 'base64').toString('utf8');
	const fields = new Map<string, string>();
	for (const part of text.split(';')) {
		const eq = part.indexOf('=');
		if (eq <= 0) return null;
		const key = part.slice(0, eq);
		if (fields.has(key)) return null;
		fields.set(key, part.slice(eq + 1));
	}
	const [m, account, order, a, l, c] = ['m', 'ac.account', 'ac.order', 'a', 'l', 'c'].map((k) =>
		fields.get(k)
	);
	if (!m || !account || !order || !a || !c || !/^\d{1,15}$/.test(a)) return null;
	const amountTiyin = Number(a);
	if (!Number.isSafeInteger(amountTiyin)) return null;
	const lang = l === 'ru' || l === 'en' ? l : 'uz';
	return { merchantId: m, accountNumber: account, orderId: order, amountTiyin, lang, returnUrl: c };
}

export function paymeCheckoutUrl(request: CheckoutRequest): string {
	const merchantId = config.paymeMerchantId;
	if (!merchantId) throw new Error('PAYME_MERCHANT_ID is not set');
	const base = config.paymeCheckoutUrl ?? `${request.origin}/sandbox/payme`;
	const token = encodePaymeCheckout({
		merchantId,
		accountNumber: request.accountNumber,
		orderId: request.order.id,
		amountTiyin: request.order.amountTiyin,
		lang: paymeLanguage(request.locale),
		returnUrl: request.returnUrl
	});
	return `${base.replace(/\/+$/, '')}/${token}`;
}

/** Payme in the registry: configured with its key and merchant id; checkout by GET link. */
export const paymeOperator: PaymentOperatorAdapter = {
	id: 'payme',
	configured: () => config.paymeKey !== undefined && config.paymeMerchantId !== undefined,
	checkoutUrl: async (request) => paymeCheckoutUrl(request)
};
