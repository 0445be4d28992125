import { resolve } from 'node:path';
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
	/** Seed demo users and data into an empty database. Set by `npm start`, never by `node build`. */
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

/** The demo's Payme key, public on purpose: it opens nothing outside `npm start`. */
export const DEMO_PAYME_KEY = 'demo-payme-key-not-secret';

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
