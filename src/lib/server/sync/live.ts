import { inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { userAccounts } from '../db/schema';

import type { Poke } from '../../domain/sync/protocol';

/** Called with how long the phone may wait before pulling (0: at once). */
type Listener = (spreadMs: number) => void;

/**
 * Open live streams one user may hold (a phone and a few tabs); opening one more closes the
 * oldest, which a real client reopens only if it is still there. A probe held 2,000.
 */
export const MAX_LIVE_STREAMS_PER_USER = 5;

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
	/** How to close each listener's stream when a newer one takes its place. */
	private closers = new WeakMap<Listener, () => void>();

	/**
	 * Calls `listener` at each poke for the user until the returned function is called. Past
	 * MAX_LIVE_STREAMS_PER_USER, the oldest listener's `close` is called (a Set keeps the order
	 * listeners were added in).
	 */
	listen(userId: number, listener: Listener, close?: () => void): () => void {
		let set = this.listeners.get(userId);
		if (!set) this.listeners.set(userId, (set = new Set()));
		set.add(listener);
		if (close) this.closers.set(listener, close);
		const stop = () => {
			set.delete(listener);
			if (set.size === 0 && this.listeners.get(userId) === set) this.listeners.delete(userId);
		};
		while (set.size > MAX_LIVE_STREAMS_PER_USER) {
			const oldest = set.values().next().value as Listener;
			set.delete(oldest);
			this.closers.get(oldest)?.();
		}
		return stop;
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
	const stop = hub.listen(
		userId,
		(spreadMs) => {
			if (!settle({ value: poke(spreadMs), done: false }))
				pending = pending === null ? spreadMs : Math.min(pending, spreadMs);
		},
		() => close()
	);
	function close() {
		if (closed) return;
		closed = true;
		stop();
		settle({ value: undefined, done: true });
	}
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
