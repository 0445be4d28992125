import type { Db } from './index';

// Hot paths (sync.push applies thousands of commands a second) build each query once per
// database and reuse the prepared statement: building SQL costs more than running it.
const cache = new WeakMap<Db, Map<string, unknown>>();

export function prepared<T>(db: Db, key: string, build: () => T): T {
	let statements = cache.get(db);
	if (!statements) cache.set(db, (statements = new Map()));
	let statement = statements.get(key) as T | undefined;
	if (statement === undefined) statements.set(key, (statement = build()));
	return statement;
}
