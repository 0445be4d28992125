import type { Db } from '../db';
import { SmsConfigError, type SmsDriver } from './driver';
import { smsDriverFromEnv } from './driverFromEnv';
import { drainSmsOutbox, noteWhyWaiting } from './outbox';

// The server process's SMS sender: drains the queue every `intervalMs` (retries with backoff come
// due that way) and at once when something is queued (kickSmsWorker). Started by hooks.server.ts;
// CLIs and tests that do not start it queue messages that the server sends later.

interface Worker {
	driver: SmsDriver | null;
	/** Why nothing is sent (no or a wrong SMS_DRIVER), said at start-up and on waiting messages. */
	problem: string | null;
	db: () => Db;
	now: () => number;
	timer: ReturnType<typeof setInterval>;
}

let worker: Worker | undefined;

function drain(w: Worker): void {
	if (!w.driver) {
		noteWhyWaiting(w.db(), w.problem ?? 'no SMS driver');
		return;
	}
	drainSmsOutbox(w.db(), w.driver, w.now).catch((error: unknown) =>
		console.error('SMS queue could not be drained', error)
	);
}

export function startSmsWorker(db: () => Db, now: () => number, intervalMs = 15_000): void {
	if (worker) return;
	let driver: SmsDriver | null = null;
	let problem: string | null = null;
	try {
		driver = smsDriverFromEnv();
	} catch (error) {
		if (!(error instanceof SmsConfigError)) throw error;
		problem = error.message;
		console.error(`SMS: ${problem}`);
	}
	const timer = setInterval(() => worker && drain(worker), intervalMs);
	timer.unref();
	worker = { driver, problem, db, now, timer };
	drain(worker);
}

/** Something was queued: send it now rather than at the next tick. */
export function kickSmsWorker(): void {
	if (worker) drain(worker);
}
