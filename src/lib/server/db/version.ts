import { eq } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { getTableName } from 'drizzle-orm';
import type { Db } from './index';
import { syncState } from './schema';
import { prepared } from './prepared';

/**
 * Reserves `count` consecutive versions from the one sync sequence and returns the first. Call
 * inside the transaction that writes the rows, so versions are taken in commit order.
 */
export function reserveVersions(db: Db, count = 1): number {
	// Plain prepared statements: this runs in every write that syncs (each payment, each pushed
	// command), and drizzle's mapping around it showed in the Payme bench's profile.
	const bump = prepared(db, 'version.bump', () =>
		db.$client
			.prepare('update sync_state set version = version + ? where id = 1 returning version')
			.pluck()
	);
	let version = bump.get(count) as number | undefined;
	if (version === undefined) {
		prepared(db, 'version.ensure', () =>
			db.$client.prepare(
				'insert into sync_state (id, version) values (1, 0) on conflict do nothing'
			)
		).run();
		version = bump.get(count) as number;
	}
	return version - count + 1;
}

export function currentVersion(db: Db): number {
	return (
		db.select({ version: syncState.version }).from(syncState).where(eq(syncState.id, 1)).get()
			?.version ?? 0
	);
}

/**
 * Gives every row written in bulk without a version (the demo seed, an import) its own version,
 * so that first pulls can be paged. Idempotent: rows that have a version keep it. `tables` are
 * the tables behind the pull sources (VERSIONED_TABLES in server/sync/pullSources.ts).
 */
export function assignInitialVersions(db: Db, tables: readonly SQLiteTable[]): void {
	const sqlite = db.$client;
	sqlite
		.transaction(() => {
			let next = currentVersion(db);
			for (const table of tables.map(getTableName)) {
				const { top } = sqlite
					.prepare(`select coalesce(max(rowid), 0) as top from ${table}`)
					.get() as { top: number };
				// rowid order: stable, unique per table, and the same on every run of the same seed.
				sqlite.prepare(`update ${table} set version = ? + rowid where version = 0`).run(next);
				next += top;
			}
			const current = currentVersion(db);
			if (next > current) reserveVersions(db, next - current);
		})
		.immediate();
}
