import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the checkpointer copies the WAL's new pages into the database file. */
const INTERVAL_MS = 100;

// Plain JavaScript, evaluated as the worker's script: it needs nothing but better-sqlite3.
const SCRIPT = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const stop = new Int32Array(workerData.stop);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
while (Atomics.load(stop, 0) === 0) {
	db.pragma('wal_checkpoint(PASSIVE)');
	Atomics.wait(stop, 0, 0, ${INTERVAL_MS});
}
db.close();
`;

/**
 * Checkpoints a WAL database from a thread of its own while a long write runs, so that the
 * writer never waits on a checkpoint's fsync: the writing connection turns its automatic
 * checkpoints off for the duration, and a PASSIVE checkpoint (which never blocks the writer or
 * the readers) runs every `INTERVAL_MS` instead. `stop()` puts the automatic ones back.
 */
export function startCheckpointer(client: import('better-sqlite3').Database) {
	const stop = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
	const pagesBefore = client.pragma('wal_autocheckpoint', { simple: true }) as number;
	client.pragma('wal_autocheckpoint = 0');
	const worker = new Worker(SCRIPT, {
		eval: true,
		workerData: {
			file: client.name,
			driver: createRequire(import.meta.url).resolve('better-sqlite3'),
			stop
		}
	});
	worker.unref();
	return {
		stop(): void {
			const flag = new Int32Array(stop);
			Atomics.store(flag, 0, 1);
			Atomics.notify(flag, 0);
			client.pragma(`wal_autocheckpoint = ${pagesBefore}`);
		}
	};
}
