import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { config } from '../config';
import * as schema from './schema';

/** Longer than any write transaction holds the lock: the CLIs commit in small chunks. */
export const BUSY_TIMEOUT_MS = 10_000;

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Opens (creating if needed) a Tok database file, in WAL mode, with migrations applied. */
export function openDatabase(file: string, options: { migrate?: boolean } = {}): Db {
	mkdirSync(dirname(file), { recursive: true });
	const sqlite = new Database(file);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('foreign_keys = ON');
	// A writer that finds the database busy (a CLI import or billing run in another process)
	// waits up to this long for its turn instead of failing.
	sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
	const db = drizzle(sqlite, { schema }) as Db;
	if (options.migrate !== false) migrate(db, { migrationsFolder: config.migrationsDir });
	return db;
}

let shared: Db | undefined;

/**
 * The server's database, opened on first use. `vite build` imports server modules to analyse
 * them, so nothing may open the file at import time. Reference data is written at start-up
 * (hooks.server.ts `init`), not here, so that the database layer depends on no service.
 */
export function getDb(): Db {
	shared ??= openDatabase(config.databaseFile);
	return shared;
}

export { schema };

/**
 * Runs `fn` in one SQLite write transaction (a savepoint when nested). Services keep using `db`
 * inside: better-sqlite3 is synchronous, so everything `fn` does happens within the transaction.
 *
 * It begins IMMEDIATE: the write lock is taken first, waiting out the busy timeout while another
 * process writes. A deferred transaction reads first and then upgrades, and in WAL mode an upgrade
 * over a snapshot another writer has moved past fails at once with "database is locked".
 */
export function inTransaction<T>(db: Db, fn: () => T): T {
	return db.$client.transaction(fn).immediate();
}
