// The billing run's reading thread (see readAhead.ts): reads and rates chunks of accounts on its
// own connection, at most `depth` chunks ahead of the writer, and posts each one to it.
import Database from 'better-sqlite3';
import { workerData } from 'node:worker_threads';
import { chunkRater } from './ratedChunk';
import {
	CONSUMED,
	PRODUCED,
	CHUNKS_PER_SNAPSHOT,
	READY,
	STARTED,
	START_AT_BYTE,
	type ReadAheadInput,
	type ReadAheadMessage
} from './readAhead';

const { file, month, versions, chunkSize, depth, counters, port } = workerData as ReadAheadInput;
const shared = new Int32Array(counters, 0, 4);
const post = (message: ReadAheadMessage) => {
	port.postMessage(message);
	Atomics.add(shared, PRODUCED, 1);
	Atomics.notify(shared, PRODUCED);
};

let client: Database.Database | undefined;
try {
	client = new Database(file, { fileMustExist: true });
	client.pragma('busy_timeout = 5000');
	client.pragma('query_only = true');
	// Pages read through a memory map instead of a read() call each: the reader touches every
	// page of readings once, and this took a quarter off the run's system time. SQLite caps the
	// size (2 GB in better-sqlite3's build); pages beyond it, and those in the WAL, are read.
	client.pragma('mmap_size = 2147418112');
	const rater = chunkRater(client, month, versions);
	Atomics.store(shared, READY, 1);
	while (Atomics.load(shared, STARTED) === 0) Atomics.wait(shared, STARTED, 0);
	let afterId = new Float64Array(counters, START_AT_BYTE, 1)[0];
	let produced = 0;
	// Several chunks per read transaction: a connection empties its page cache when it begins one
	// after another connection has written, and the writer commits after every chunk.
	const readSome = client.transaction((): boolean => {
		for (let i = 0; i < CHUNKS_PER_SNAPSHOT; i++) {
			// Wait while `depth` chunks are posted and not yet written: memory stays a few chunks.
			for (;;) {
				const consumed = Atomics.load(shared, CONSUMED);
				if (produced - consumed < depth) break;
				Atomics.wait(shared, CONSUMED, consumed);
			}
			const lastId = rater.chunkEnd(afterId, chunkSize);
			if (lastId === null) return false;
			const chunk = rater.rateChunk(afterId, lastId);
			post({ chunk });
			produced++;
			afterId = lastId;
		}
		return true;
	});
	while (readSome());
	post({ done: true });
} catch (error) {
	post({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
} finally {
	client?.close();
	port.close();
}
