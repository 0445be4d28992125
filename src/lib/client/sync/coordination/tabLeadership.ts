/**
 * Runs `lead` while this tab holds the user's sync lock, so that one tab pushes and pulls and the
 * others see the results through Dexie's live queries. `lead` returns how to stop leading.
 *
 * The lock is tried at once (`ifAvailable`); if another tab holds it, this tab queues for it, so
 * that when the leading tab closes (its lock is released with it) this one takes over. Browsers
 * without Web Locks (Safari before 15.4, Firefox before 96) lead in every tab: two tabs may then
 * send the same commands, which the server's de-duplication by id absorbs.
 *
 * @returns a function that gives up leadership or the place in the queue
 */
export function holdSyncLock(
	name: string,
	lead: () => () => void,
	locks: LockManager | null = typeof navigator !== 'undefined' && 'locks' in navigator
		? navigator.locks
		: null
): () => void {
	if (!locks) return lead();
	const quit = new AbortController();
	let release: () => void = () => {};
	const released = new Promise<void>((resolve) => (release = resolve));

	const whileHeld = async (lock: Lock | null): Promise<boolean> => {
		if (!lock) return false;
		if (quit.signal.aborted) return true;
		const stop = lead();
		try {
			await released;
		} finally {
			stop();
		}
		return true;
	};

	locks
		.request(name, { ifAvailable: true }, whileHeld)
		.then((held) => {
			if (!held && !quit.signal.aborted)
				return locks.request(name, { signal: quit.signal }, whileHeld);
		})
		.catch((error: unknown) => {
			if (!(error instanceof DOMException && error.name === 'AbortError')) console.error(error);
		});

	return () => {
		quit.abort();
		release();
	};
}
