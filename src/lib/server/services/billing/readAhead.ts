import {
	MessageChannel,
	receiveMessageOnPort,
	Worker,
	type MessagePort
} from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TariffVersion } from '../../../tariff';
import type { RatedChunk } from './ratedChunk';

/**
 * Reads and rates a billing run's chunks on a second thread, with its own SQLite connection
 * (WAL lets it read while the run's connection writes), so that on two cores the reads and the
 * rating of the next chunks overlap the writes of this one. The writer takes chunks in account
 * order with `next()`, blocking (Atomics.wait) until one is ready, so `billMonth` stays
 * synchronous.
 *
 * The thread loads `readAhead.worker.ts` beside this file with tsx (the CLI, the tests, the
 * bench); the built server bills on one thread (`billMonthAsync`).
 */

// Int32 slots of the shared counters; `START_AT` is a Float64 slot after them.
export const PRODUCED = 0;
export const CONSUMED = 1;
/** Set by the reader once it has loaded and opened the database. */
export const READY = 2;
/** Set by the writer with `START_AT`: the id after which the reader begins. */
export const STARTED = 3;
export const START_AT_BYTE = 16;
/** Chunks the reader reads in one read transaction. */
export const CHUNKS_PER_SNAPSHOT = 8;

export interface ReadAheadInput {
	file: string;
	month: string;
	versions: readonly TariffVersion[];
	chunkSize: number;
	/** How many chunks the reader may run ahead of the writer. */
	depth: number;
	counters: SharedArrayBuffer;
	port: MessagePort;
}

export type ReadAheadMessage = { chunk: RatedChunk } | { done: true } | { error: string };

/** How long the writer waits without news from the reader before it gives up. */
const STALL_MS = 120_000;

/**
 * The reader thread's script: it loads `readAhead.worker.ts` beside this file through tsx's
 * CommonJS hook (twice as quick to start as its ESM loader, which runs on a thread of its own;
 * a test runner's process may have neither), or `readAhead.worker.js` as it is, and reports a
 * failure to load as the reader's error. Null where there is no such file (a bundle) or no tsx.
 */
function workerScript(): string | null {
	const here = fileURLToPath(import.meta.url);
	const entry = here.replace(/readAhead\.(\w+)$/, 'readAhead.worker.$1');
	if (entry === here || !existsSync(entry)) return null;
	let load = `import(${JSON.stringify(pathToFileURL(entry).href)})`;
	if (entry.endsWith('.ts')) {
		let tsx: string;
		try {
			tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
		} catch {
			return null;
		}
		load = `Promise.resolve().then(() => {
			require(${JSON.stringify(tsx)}).register();
			require(${JSON.stringify(entry)});
		})`;
	}
	return `${load}.catch((error) => {
		const { workerData } = require('node:worker_threads');
		workerData.port.postMessage({ error: String((error && error.stack) || error) });
		const counters = new Int32Array(workerData.counters, 0, 4);
		Atomics.add(counters, ${PRODUCED}, 1);
		Atomics.notify(counters, ${PRODUCED});
	})`;
}

/** False where the reader thread cannot start (a bundle without its entry file, no tsx). */
export function canReadAhead(): boolean {
	return workerScript() !== null;
}

export function startReadAhead(options: {
	file: string;
	month: string;
	versions: readonly TariffVersion[];
	chunkSize: number;
	depth?: number;
}) {
	const counters = new SharedArrayBuffer(START_AT_BYTE + Float64Array.BYTES_PER_ELEMENT);
	const shared = new Int32Array(counters, 0, 4);
	const startAt = new Float64Array(counters, START_AT_BYTE, 1);
	const start = (afterId: number) => {
		startAt[0] = afterId;
		Atomics.store(shared, STARTED, 1);
		Atomics.notify(shared, STARTED);
	};
	const { port1, port2 } = new MessageChannel();
	const script = workerScript();
	if (!script) throw new Error('the billing reader thread is not available here');
	const input: ReadAheadInput = {
		file: options.file,
		month: options.month,
		versions: options.versions,
		chunkSize: options.chunkSize,
		depth: options.depth ?? 3,
		counters,
		port: port2
	};
	const worker = new Worker(script, { eval: true, workerData: input, transferList: [port2] });
	worker.unref();
	let finished = false;

	return {
		/**
		 * True once the reader has started up (loading its modules takes about a tenth of a
		 * second, which the writer spends billing the first chunks itself).
		 */
		ready: () => Atomics.load(shared, READY) === 1,
		/** Lets the reader begin with the accounts after `afterId`. */
		begin: start,
		/** The next chunk in account order, or null after the last. Throws what the reader threw. */
		next(): RatedChunk | null {
			if (finished) return null;
			let waited = 0;
			for (;;) {
				const seen = Atomics.load(shared, PRODUCED);
				const received = receiveMessageOnPort(port1);
				if (received) {
					const message = received.message as ReadAheadMessage;
					if ('chunk' in message) {
						Atomics.add(shared, CONSUMED, 1);
						Atomics.notify(shared, CONSUMED);
						return message.chunk;
					}
					finished = true;
					if ('error' in message) throw new Error(`billing reader: ${message.error}`);
					return null;
				}
				if (Atomics.wait(shared, PRODUCED, seen, 1000) === 'timed-out') {
					waited += 1000;
					if (waited >= STALL_MS) throw new Error('billing reader: no answer for two minutes');
				}
			}
		},
		/** Stops the reader (at the end of the run, or when the run fails). */
		close(): void {
			finished = true;
			// Wakes the reader if it waits to begin or for room, so that it can be stopped.
			start(Number.MAX_SAFE_INTEGER);
			Atomics.store(shared, CONSUMED, 1 << 30);
			Atomics.notify(shared, CONSUMED);
			port1.close();
			void worker.terminate();
		}
	};
}
