/** The first retry waits about this long… */
export const BACKOFF_BASE_MS = 2_000;
/** …doubling each time, up to this. */
export const BACKOFF_MAX_MS = 5 * 60_000;

/**
 * How long to wait before retry number `attempt` (0 for the first): exponential, capped, with
 * "equal jitter" — a random point in the upper half of the window — so that a thousand phones
 * coming back online together do not retry together, yet none retries at once.
 *
 * @param random a number in [0, 1), Math.random() in production
 */
export function nextDelayMs(attempt: number, random: number): number {
	const exponent = Math.min(Math.max(0, Math.floor(attempt)), 30);
	const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** exponent);
	const r = Math.min(Math.max(random, 0), 1);
	return Math.round(ceiling / 2 + (ceiling / 2) * r);
}
