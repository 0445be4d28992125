import { resolve } from 'node:path';
import type { OneIdSettings } from './auth/oneid/client';
import { parseDailyCeilings, type DailyCeilings } from '../domain/readings/plausibility';

// Every setting comes from the environment, read when asked (not at import) so that tests and
// CLIs can set them first. Secrets are never defaulted here.
export const config = {
	get dataDir(): string {
		return resolve(process.env.DATA_DIR || './data');
	},
	get databaseFile(): string {
		return resolve(this.dataDir, 'tok.sqlite');
	},
	get migrationsDir(): string {
		return resolve(process.env.MIGRATIONS_DIR || './drizzle');
	},
	/** Seed demo users and data into an empty database. Set by `npm start`, never by `npm run serve`. */
	get demo(): boolean {
		return process.env.TOK_DEMO === '1';
	},
	/** kWh a day above which a reading is held and a month not billed (TOK_DAILY_KWH_CEILING). */
	get dailyCeilings(): DailyCeilings {
		return parseDailyCeilings(process.env.TOK_DAILY_KWH_CEILING);
	},
	/**
	 * Payme's merchant key (the Basic password Payme sends with login `Paycom`). Unset, the
	 * Payme endpoint answers that it is not configured; only the demo (`npm start`) has a test key.
	 */
	get paymeKey(): string | undefined {
		return process.env.PAYME_KEY || (this.demo ? DEMO_PAYME_KEY : undefined);
	},
	/** Payme's id of Tok's cashbox (`m=` of the checkout link); the demo has a test id. */
	get paymeMerchantId(): string | undefined {
		return process.env.PAYME_MERCHANT_ID || (this.demo ? DEMO_PAYME_MERCHANT_ID : undefined);
	},
	/**
	 * Where Payme's checkout is: Payme's own host, or in the demo undefined, meaning the sandbox
	 * page at `<origin>/sandbox/payme` of the server the phone reached.
	 */
	get paymeCheckoutUrl(): string | undefined {
		return process.env.PAYME_CHECKOUT_URL || (this.demo ? undefined : 'https://checkout.paycom.uz');
	},
	/**
	 * OneID (sso.egov.uz): all three of ONEID_BASE_URL, ONEID_CLIENT_ID and ONEID_CLIENT_SECRET, or
	 * OneID is off (no button on /login). ONEID_SCOPE defaults to the client id, as OneID issues it.
	 * `npm start` points them at the local stand-in unless they are set.
	 */
	get oneid(): OneIdSettings | undefined {
		const baseUrl = process.env.ONEID_BASE_URL;
		const clientId = process.env.ONEID_CLIENT_ID;
		const clientSecret = process.env.ONEID_CLIENT_SECRET;
		if (!baseUrl || !clientId || !clientSecret) return undefined;
		return { baseUrl, clientId, clientSecret, scope: process.env.ONEID_SCOPE || clientId };
	},
	/**
	 * Addresses and CIDR ranges (comma-separated) the Payme endpoint accepts calls from, e.g.
	 * Payme's published `185.234.113.1`…`185.234.113.15` as `185.234.113.0/28`. Unset, any address
	 * (the key still has to match).
	 */
	get paymeAllowedIps(): string | undefined {
		return process.env.PAYME_ALLOWED_IPS?.trim() || undefined;
	},
	/**
	 * The secret the SMS gateway sends in `X-Sms-Secret` with each inbound SMS. Unset, the
	 * endpoint answers 503; only the demo (`npm start`) has a public test value.
	 */
	get smsInboundSecret(): string | undefined {
		return process.env.SMS_INBOUND_SECRET || (this.demo ? DEMO_SMS_INBOUND_SECRET : undefined);
	},
	/** 'file' or 'eskiz'; the demo defaults to 'file', production has no default. */
	get smsDriver(): string | undefined {
		return process.env.SMS_DRIVER || (this.demo ? 'file' : undefined);
	},

	// OSON (Tok calls OSON's invoice API; OSON signs its webhook with the token).
	/** OSON's API base URL. Unset in the demo: the local stand-in at `<origin>/sandbox/oson`. */
	get osonBaseUrl(): string | undefined {
		return process.env.OSON_BASE_URL || undefined;
	},
	get osonMerchantId(): string | undefined {
		return process.env.OSON_MERCHANT_ID || (this.demo ? DEMO_OSON.merchantId : undefined);
	},
	get osonToken(): string | undefined {
		return process.env.OSON_TOKEN || (this.demo ? DEMO_OSON.token : undefined);
	},

	// Paynet (Paynet calls Tok's provider JSON-RPC service with HTTP Basic).
	get paynetLogin(): string | undefined {
		return process.env.PAYNET_LOGIN || (this.demo ? DEMO_PAYNET.login : undefined);
	},
	get paynetPassword(): string | undefined {
		return process.env.PAYNET_PASSWORD || (this.demo ? DEMO_PAYNET.password : undefined);
	},
	/** Paynet's id of Tok's service; when set, a call naming another `serviceId` is refused. */
	get paynetServiceId(): number | undefined {
		const raw = process.env.PAYNET_SERVICE_ID || (this.demo ? DEMO_PAYNET.serviceId : undefined);
		return raw && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
	},

	// Uzum Bank (Uzum calls Tok's merchant webhooks with HTTP Basic).
	get uzumServiceId(): number | undefined {
		const raw = process.env.UZUM_SERVICE_ID || (this.demo ? DEMO_UZUM.serviceId : undefined);
		return raw && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
	},
	get uzumLogin(): string | undefined {
		return process.env.UZUM_LOGIN || (this.demo ? DEMO_UZUM.login : undefined);
	},
	get uzumPassword(): string | undefined {
		return process.env.UZUM_PASSWORD || (this.demo ? DEMO_UZUM.password : undefined);
	},

	// Click (SHOP API): the four values Click issues on connection. Unset (outside the demo),
	// Click is hidden in the app and its endpoints answer that it is not configured.
	get clickServiceId(): string | undefined {
		return process.env.CLICK_SERVICE_ID || (this.demo ? DEMO_CLICK.serviceId : undefined);
	},
	get clickMerchantId(): string | undefined {
		return process.env.CLICK_MERCHANT_ID || (this.demo ? DEMO_CLICK.merchantId : undefined);
	},
	get clickSecretKey(): string | undefined {
		return process.env.CLICK_SECRET_KEY || (this.demo ? DEMO_CLICK.secretKey : undefined);
	},
	/** Sent in the payment link only when set (Click asks for it on some services). */
	get clickMerchantUserId(): string | undefined {
		return process.env.CLICK_MERCHANT_USER_ID || undefined;
	},
	/** Click's payment page; unset in the demo, the local sandbox (`<origin>/sandbox/click`). */
	get clickCheckoutUrl(): string | undefined {
		return process.env.CLICK_CHECKOUT_URL || (this.demo ? undefined : CLICK_CHECKOUT_URL);
	},

	// UPay: the service id and secret of the contract; the token formulas, hash and status
	// values are contract settings too (see services/payments/README.md).
	get upayServiceId(): string | undefined {
		return process.env.UPAY_SERVICE_ID || (this.demo ? DEMO_UPAY.serviceId : undefined);
	},
	get upaySecret(): string | undefined {
		return process.env.UPAY_SECRET || (this.demo ? DEMO_UPAY.secret : undefined);
	},
	/** UPay's payment page; unset in the demo, the local sandbox (`<origin>/sandbox/upay`). */
	get upayCheckoutUrl(): string | undefined {
		return process.env.UPAY_CHECKOUT_URL || (this.demo ? undefined : UPAY_CHECKOUT_URL);
	},
	get upayCheckToken(): string | undefined {
		return process.env.UPAY_CHECK_TOKEN || undefined;
	},
	get upayPayToken(): string | undefined {
		return process.env.UPAY_PAY_TOKEN || undefined;
	},
	get upayTokenHash(): string | undefined {
		return process.env.UPAY_TOKEN_HASH || undefined;
	},
	get upayStatuses(): string | undefined {
		return process.env.UPAY_STATUSES || undefined;
	}
};

/** The demo's Payme cashbox id (24 hex digits, like Payme's), public on purpose. */
export const DEMO_PAYME_MERCHANT_ID = '5f0c0de0000000000000d300';

/** The demo's Payme key, public on purpose: it opens nothing outside `npm start`. */
export const DEMO_PAYME_KEY = 'demo-payme-key-not-secret';
/** The demo's inbound SMS secret, public on purpose (README's curl example): demo only. */
export const DEMO_SMS_INBOUND_SECRET = 'demo-sms-secret-not-secret';

/** The demo's OSON merchant and token, public on purpose: they open nothing outside `npm start`. */
export const DEMO_OSON = { merchantId: 'demo-oson-merchant', token: 'demo-oson-token-not-secret' };
/** The demo's Paynet credentials and service id (public, `npm start` only). */
export const DEMO_PAYNET = {
	login: 'demo-paynet',
	password: 'demo-paynet-password-not-secret',
	serviceId: '1726'
};
/** The demo's Uzum Bank credentials and service id (public, `npm start` only). */
export const DEMO_UZUM = {
	serviceId: '101726',
	login: 'demo-uzum',
	password: 'demo-uzum-password-not-secret'
};

/** Click's published payment-button address. */
export const CLICK_CHECKOUT_URL = 'https://my.click.uz/services/pay';
/** The demo's Click values, public on purpose like DEMO_PAYME_KEY. */
export const DEMO_CLICK = {
	serviceId: '10001',
	merchantId: '20002',
	secretKey: 'demo-click-secret-not-secret'
} as const;

/** UPay's payment page for a service, from its published link format. */
export const UPAY_CHECKOUT_URL = 'https://pay.smst.uz/prePay.do';
/** The demo's UPay values, public on purpose like DEMO_PAYME_KEY. */
export const DEMO_UPAY = { serviceId: '30003', secret: 'demo-upay-secret-not-secret' } as const;
