import { DomainError } from '../services/errors';
import type { Db } from '../db';

/**
 * Attempts per key (a login and an address, say) within a sliding window. An attempt is recorded
 * when it starts, before anything slow is awaited, so that parallel requests see each other's
 * checks in flight; one that turns out right is taken back. In memory and per database, so a
 * test's fresh database starts with none: a restart forgets them, which costs an attacker a
 * restart per few guesses of an argon2 hash — cheap to live with, no table to keep.
 */
export class AttemptLimiter {
	private readonly byDb = new WeakMap<Db, Map<string, number[]>>();

	constructor(
		readonly max: number,
		readonly windowMs: number,
		/** Keys kept before old ones are swept, so a flood of made-up logins cannot grow memory. */
		private readonly sweepAbove = 10_000
	) {}

	private keysOf(db: Db): Map<string, number[]> {
		let keys = this.byDb.get(db);
		if (!keys) this.byDb.set(db, (keys = new Map()));
		return keys;
	}

	private recent(db: Db, key: string, nowMs: number): number[] {
		const keys = this.keysOf(db);
		const recent = (keys.get(key) ?? []).filter((at) => nowMs - at < this.windowMs);
		if (recent.length === 0) keys.delete(key);
		else keys.set(key, recent);
		return recent;
	}

	/** Attempts within the window: failed ones and those still being checked. */
	count(db: Db, key: string, nowMs: number): number {
		return this.recent(db, key, nowMs).length;
	}

	/** True once `max` attempts are counted within the window: refuse before checking anything. */
	blocked(db: Db, key: string, nowMs: number): boolean {
		return this.count(db, key, nowMs) >= this.max;
	}

	/** When the oldest attempt in the window leaves it (so one more may start), or null now. */
	retryAtMs(db: Db, key: string, nowMs: number): number | null {
		const recent = this.recent(db, key, nowMs);
		return recent.length >= this.max ? recent[recent.length - this.max] + this.windowMs : null;
	}

	/** Counts an attempt now; the returned function takes it back (it was not a failure). */
	record(db: Db, key: string, nowMs: number): () => void {
		const keys = this.keysOf(db);
		if (keys.size >= this.sweepAbove) {
			for (const [old, times] of keys)
				if (times.every((at) => nowMs - at >= this.windowMs)) keys.delete(old);
		}
		keys.set(key, [...this.recent(db, key, nowMs), nowMs]);
		let taken = false;
		return () => {
			if (taken) return;
			taken = true;
			const times = keys.get(key);
			const i = times?.indexOf(nowMs) ?? -1;
			if (times && i >= 0) times.splice(i, 1);
			if (times?.length === 0) keys.delete(key);
		};
	}

	forget(db: Db, key: string): void {
		this.byDb.get(db)?.delete(key);
	}
}

export class TooManyAttemptsError extends DomainError {
	constructor() {
		super('too_many_attempts', 'error.too_many_attempts');
	}
}
