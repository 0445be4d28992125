import { inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { userAccounts } from '../db/schema';

import type { Poke } from '../../domain/sync/protocol';

/** Called with how long the phone may wait before pulling (0: at once). */
type Listener = (spreadMs: number) => void;

/** Ids per `in (…)` list: well under SQLite's limit of bound parameters. */
const IN_LIST_MAX = 500;

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
	for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/**
 * Who is listening for changes, by user. A change costs one query (which users see these
 * accounts), then a call per open connection: no query per client.
 */
export class LiveHub {
	private listeners = new Map<number, Set<Listener>>();

	/** Calls `listener` at each poke for the user until the returned function is called. */
	listen(userId: number, listener: Listener): () => void {
		let set = this.listeners.get(userId);
		if (!set) this.listeners.set(userId, (set = new Set()));
		set.add(listener);
		return () => {
			set.delete(listener);
			if (set.size === 0) this.listeners.delete(userId);
		};
	}

	pokeUsers(userIds: Iterable<number>, spreadMs = 0): void {
		for (const id of new Set(userIds))
			for (const listener of this.listeners.get(id) ?? []) listener(spreadMs);
	}

	/**
	 * Data everyone sees changed (a new tariff version, a billed month). `spreadMs` (see
	 * BROADCAST_SPREAD_MS) lets the phones come back over a while rather than all at once.
	 */
	pokeEveryone(spreadMs = 0): void {
		this.pokeUsers([...this.listeners.keys()], spreadMs);
	}

	/**
	 * Pokes the users who see any of `accountIds`. A head-end batch may touch 100,000 accounts
	 * while a few hundred people are online: then the listeners' accounts are looked up instead,
	 * so the query is bounded by who is listening, never by the size of the change.
	 */
	pokeAccounts(db: Db, accountIds: readonly number[]): void {
		if (accountIds.length === 0 || this.listeners.size === 0) return;
		const users = new Set<number>();
		if (accountIds.length <= this.listeners.size) {
			for (const chunk of chunks(accountIds, IN_LIST_MAX))
				for (const row of db
					.selectDistinct({ userId: userAccounts.userId })
					.from(userAccounts)
					.where(inArray(userAccounts.accountId, chunk))
					.all())
					users.add(row.userId);
		} else {
			const touched = new Set(accountIds);
			for (const chunk of chunks([...this.listeners.keys()], IN_LIST_MAX))
				for (const row of db
					.select({ userId: userAccounts.userId, accountId: userAccounts.accountId })
					.from(userAccounts)
					.where(inArray(userAccounts.userId, chunk))
					.all())
					if (touched.has(row.accountId)) users.add(row.userId);
		}
		this.pokeUsers(users);
	}

	get connectionCount(): number {
		let n = 0;
		for (const set of this.listeners.values()) n += set.size;
		return n;
	}
}

const POKE: Poke = { type: 'poke' };

/**
 * Pokes for one user as an async stream for a tRPC subscription: one at once (the client pulls
 * on connect), then one per change, coalesced while the client is busy (keeping the shortest
 * spread: a change meant for this user is not held back by a broadcast). Ends when `signal`
 * aborts (the HTTP connection closes) or the consumer returns. Written by hand rather than as
 * an async generator so that ending it never waits for the next poke.
 */
export function pokes(
	hub: LiveHub,
	userId: number,
	signal?: AbortSignal
): AsyncIterableIterator<Poke> {
	/** The spread of the poke waiting to be taken, or null when none waits. */
	let pending: number | null = 0;
	let closed = false;
	let wake: ((result: IteratorResult<Poke>) => void) | null = null;
	const settle = (result: IteratorResult<Poke>) => {
		const resolve = wake;
		wake = null;
		resolve?.(result);
		return resolve !== null;
	};
	const poke = (spreadMs: number): Poke => (spreadMs > 0 ? { ...POKE, spreadMs } : POKE);
	const stop = hub.listen(userId, (spreadMs) => {
		if (!settle({ value: poke(spreadMs), done: false }))
			pending = pending === null ? spreadMs : Math.min(pending, spreadMs);
	});
	const close = () => {
		if (closed) return;
		closed = true;
		stop();
		settle({ value: undefined, done: true });
	};
	signal?.addEventListener('abort', close, { once: true });
	if (signal?.aborted) close();
	return {
		[Symbol.asyncIterator]() {
			return this;
		},
		next() {
			if (closed) return Promise.resolve({ value: undefined, done: true });
			if (pending !== null) {
				const value = poke(pending);
				pending = null;
				return Promise.resolve({ value, done: false });
			}
			return new Promise((resolve) => (wake = resolve));
		},
		return() {
			close();
			return Promise.resolve({ value: undefined, done: true });
		}
	};
}
