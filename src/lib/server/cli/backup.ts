// `npm run backup -- FILE`: a consistent copy of the database in DATA_DIR, taken while the
// server runs and writes (SQLite's online backup through better-sqlite3: it reads one snapshot,
// and in WAL mode a reader never blocks the writers). The copy is written beside FILE and
// renamed into place once checked, so FILE is always a whole backup, the new one or the last.
// Exits 0 with the size and page count, 2 when there is no database or FILE cannot be written.
// Restoring: see "Backup and restore" in the README.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { config } from '../config';
import { BUSY_TIMEOUT_MS } from '../db';
import { count } from './format';

const target = process.argv[2];
if (!target || target.startsWith('-')) {
	console.error('Usage: npm run backup -- FILE');
	process.exit(2);
}
const source = config.databaseFile;
if (!existsSync(source)) {
	console.error(`No database at ${source} (set DATA_DIR).`);
	process.exit(2);
}
const file = resolve(target);
if (file === source) {
	console.error(`${file} is the live database itself; back up to another file.`);
	process.exit(2);
}

// Not opened read-only: a read-only connection cannot set up the WAL index when the server is
// not running. query_only keeps it from writing all the same.
const db = new Database(source, { fileMustExist: true });
db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
db.pragma('query_only = true');
const partial = `${file}.partial`;
const started = performance.now();
try {
	mkdirSync(dirname(file), { recursive: true });
	rmSync(partial, { force: true });
	// All remaining pages in one step: a backup in small steps starts over each time another
	// connection writes, which on a busy server could be for ever.
	await db.backup(partial, { progress: () => 1 << 30 });
	const copy = new Database(partial, { fileMustExist: true });
	const check = copy.pragma('quick_check', { simple: true });
	const pages = copy.pragma('page_count', { simple: true }) as number;
	copy.pragma('journal_mode = DELETE'); // one self-contained file, no -wal beside it
	copy.close();
	if (check !== 'ok') throw new Error(`the copy failed its integrity check: ${String(check)}`);
	renameSync(partial, file);
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	const megabytes = (statSync(file).size / 1024 / 1024).toFixed(1);
	console.log(
		`Backed up ${source} to ${file}: ${megabytes} MB, ${count(pages)} pages, in ${seconds} s.`
	);
} catch (error) {
	rmSync(partial, { force: true });
	console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 2;
} finally {
	db.close();
}
