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
	}
};

/** The demo's Payme key, public on purpose: it opens nothing outside `npm start`. */
export const DEMO_PAYME_KEY = 'demo-payme-key-not-secret';
/** The demo's inbound SMS secret, public on purpose (README's curl example): demo only. */
export const DEMO_SMS_INBOUND_SECRET = 'demo-sms-secret-not-secret';
