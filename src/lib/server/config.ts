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
	}
};
