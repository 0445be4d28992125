import { PULL_LIMIT_MAX, SYNC_PROTOCOL } from '$lib/domain/sync/protocol';
import type { SyncProgress } from '../status.svelte';
import type { SyncStorage } from '../storage/syncStorage';
import type { SyncTransport } from '../transport/syncTransport';

export class PullStalledError extends Error {
	constructor() {
		super('error.server');
	}
}

export interface PullDeps {
	storage: SyncStorage;
	transport: SyncTransport;
	limit?: number;
	send<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T>;
	now(): number;
	/** Called per page of a long pull (the first one, or any that needs more than one page). */
	onProgress(progress: SyncProgress): void;
	isStopped(): boolean;
}

/**
 * Pulls everything changed since the stored cursor, page by page; each page is stored together
 * with its cursor, so an interrupted pull resumes where it stopped. Commands the server had
 * applied before the pull began leave the outbox with the last page: the pull has brought the
 * rows they made.
 *
 * @returns how many changes arrived
 */
export async function pullChanges(deps: PullDeps): Promise<number> {
	const { storage, transport } = deps;
	const limit = Math.min(deps.limit ?? 500, PULL_LIMIT_MAX);
	let cursor = await storage.cursor();
	let showProgress = cursor === null;
	const dropApplied = await storage.appliedIds();
	let received = 0;
	for (;;) {
		const page = await deps.send((signal) =>
			transport.pull({ protocol: SYNC_PROTOCOL, cursor, limit }, signal)
		);
		if (deps.isStopped()) return received;
		const last = !page.more;
		if (!last && page.changes.length === 0 && page.cursor === cursor) throw new PullStalledError();
		await storage.applyPullPage(page, last ? { dropApplied, syncedAtMs: deps.now() } : null);
		showProgress ||= page.more;
		if (showProgress)
			deps.onProgress({
				done: received + page.changes.length,
				total: Math.max(received + page.remaining, received + page.changes.length)
			});
		received += page.changes.length;
		cursor = page.cursor;
		if (last) return received;
	}
}
