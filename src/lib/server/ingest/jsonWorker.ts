import { Worker } from 'node:worker_threads';

// A head-end's JSON body can be several MB, and JSON.parse of it holds the event loop for a
// few hundred milliseconds on a small machine: every phone's request would wait. So a large
// body is parsed on a short-lived thread, which sends the readings back a slice at a time; each
// message is small to receive, and the event loop runs between them.

/** Below this a body is parsed in place: starting a thread costs more than it saves. */
export const PARSE_IN_THREAD_FROM_BYTES = 256 * 1024;
const SLICE = 2_000;

// Self-contained (no imports), so that it runs the same from the sources and from the build.
const SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
let json;
try {
	json = JSON.parse(new TextDecoder().decode(workerData.bytes));
} catch {
	json = undefined;
	parentPort.postMessage({ problem: 'json' });
}
if (json !== undefined) {
	if (typeof json !== 'object' || json === null || Array.isArray(json))
		parentPort.postMessage({ problem: 'body' });
	else if (!Array.isArray(json.readings)) parentPort.postMessage({ problem: 'readings' });
	else {
		const readings = json.readings;
		parentPort.postMessage({ count: readings.length });
		if (readings.length <= workerData.maxRows)
			for (let i = 0; i < readings.length; i += ${SLICE})
				parentPort.postMessage({ slice: readings.slice(i, i + ${SLICE}) });
		parentPort.postMessage({ done: true });
	}
}
`;

export type ParsedJsonBody =
	| { ok: true; readings: unknown[] }
	| { ok: false; problem: 'json' | 'body' | 'readings' }
	| { ok: false; problem: 'too_many'; count: number };

/** Parses `{"readings": [...]}` off the event loop; the caller gives the messages for problems. */
export function parseReadingsJsonInThread(bytes: Uint8Array, maxRows: number) {
	return new Promise<ParsedJsonBody>((resolve, reject) => {
		// The worker gets its own copy of the bytes, moved rather than cloned.
		const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
		const data = own ? bytes : bytes.slice();
		const worker = new Worker(SCRIPT, {
			eval: true,
			workerData: { bytes: data, maxRows },
			transferList: [data.buffer as ArrayBuffer]
		});
		const readings: unknown[] = [];
		let settled = false;
		const settle = (result: ParsedJsonBody) => {
			settled = true;
			void worker.terminate();
			resolve(result);
		};
		worker.on('message', (message) => {
			if (settled) return;
			if (message.problem) settle({ ok: false, problem: message.problem });
			else if (message.count !== undefined && message.count > maxRows)
				settle({ ok: false, problem: 'too_many', count: message.count });
			else if (message.slice) for (const reading of message.slice) readings.push(reading);
			else if (message.done) settle({ ok: true, readings });
		});
		worker.on('error', (error) => {
			if (!settled) {
				settled = true;
				reject(error);
			}
		});
		worker.on('exit', () => {
			if (!settled) reject(new Error('the JSON parsing thread stopped early'));
		});
	});
}
