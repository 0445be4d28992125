import { describe, expect, it } from 'vitest';
import { holdSyncLock } from '../../../src/lib/client/sync/coordination/tabLeadership';

/** An in-memory Web Locks manager for exclusive locks, shared by the "tabs" of one test. */
class FakeLocks {
	private held = new Set<string>();
	private waiting: Array<{ name: string; grant: () => void }> = [];

	request(
		name: string,
		options: { ifAvailable?: boolean; signal?: AbortSignal },
		callback: (lock: { name: string } | null) => Promise<unknown>
	): Promise<unknown> {
		if (!this.held.has(name)) return this.run(name, callback);
		if (options.ifAvailable) return callback(null);
		return new Promise((resolve, reject) => {
			const entry = { name, grant: () => resolve(this.run(name, callback)) };
			this.waiting.push(entry);
			options.signal?.addEventListener('abort', () => {
				this.waiting = this.waiting.filter((w) => w !== entry);
				reject(new DOMException('Aborted', 'AbortError'));
			});
		});
	}

	private async run(name: string, callback: (lock: { name: string }) => Promise<unknown>) {
		this.held.add(name);
		try {
			return await callback({ name });
		} finally {
			this.held.delete(name);
			const next = this.waiting.find((w) => w.name === name);
			if (next) {
				this.waiting = this.waiting.filter((w) => w !== next);
				next.grant();
			}
		}
	}
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function aTab(locks: FakeLocks | null, log: string[], name: string) {
	return holdSyncLock(
		'tok-sync-1',
		() => {
			log.push(`${name} leads`);
			return () => log.push(`${name} stops`);
		},
		locks as unknown as LockManager | null
	);
}

describe('one tab syncs', () => {
	it('of two open tabs only the first leads; when it closes, the other takes over', async () => {
		const locks = new FakeLocks();
		const log: string[] = [];
		const closeA = aTab(locks, log, 'A');
		await settle();
		const closeB = aTab(locks, log, 'B');
		await settle();
		expect(log).toEqual(['A leads']);

		closeA();
		await settle();
		expect(log).toEqual(['A leads', 'A stops', 'B leads']);
		closeB();
		await settle();
		expect(log).toEqual(['A leads', 'A stops', 'B leads', 'B stops']);
	});

	it('a tab that closes while waiting never leads', async () => {
		const locks = new FakeLocks();
		const log: string[] = [];
		const closeA = aTab(locks, log, 'A');
		await settle();
		const closeB = aTab(locks, log, 'B');
		await settle();
		closeB();
		closeA();
		await settle();
		expect(log).toEqual(['A leads', 'A stops']);
	});

	it('without Web Locks (Safari 14) every tab leads: the server de-duplicates what they both send', () => {
		const log: string[] = [];
		aTab(null, log, 'A');
		aTab(null, log, 'B');
		expect(log).toEqual(['A leads', 'B leads']);
	});
});
