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
	}
};

/** The demo's Payme key, public on purpose: it opens nothing outside `npm start`. */
export const DEMO_PAYME_KEY = 'demo-payme-key-not-secret';
