/**
 * Runs one request with its own AbortSignal, rejecting with a TimeoutError after `timeoutMs`
 * or with `outer`'s reason when the engine stops — whether or not the request itself listens
 * to the signal (a request that never settles must not stall sync forever).
 */
export function withTimeout<T>(
	run: (signal: AbortSignal) => Promise<T>,
	timeoutMs: number,
	outer: AbortSignal
): Promise<T> {
	const controller = new AbortController();
	return new Promise<T>((resolve, reject) => {
		const fail = (reason: unknown) => {
			cleanup();
			controller.abort(reason);
			reject(reason);
		};
		const onOuterAbort = () => fail(outer.reason);
		const timer = setTimeout(
			() => fail(new DOMException('The server took too long to answer', 'TimeoutError')),
			timeoutMs
		);
		const cleanup = () => {
			clearTimeout(timer);
			outer.removeEventListener('abort', onOuterAbort);
		};
		if (outer.aborted) return onOuterAbort();
		outer.addEventListener('abort', onOuterAbort, { once: true });
		run(controller.signal).then(
			(value) => {
				cleanup();
				resolve(value);
			},
			(error: unknown) => {
				cleanup();
				reject(error);
			}
		);
	});
}
