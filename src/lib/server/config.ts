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
	}
};

/** The demo's Payme cashbox id (24 hex digits, like Payme's), public on purpose. */
export const DEMO_PAYME_MERCHANT_ID = '5f0c0de0000000000000d300';

/** The demo's Payme key, public on purpose: it opens nothing outside `npm start`. */
export const DEMO_PAYME_KEY = 'demo-payme-key-not-secret';
