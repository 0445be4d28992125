/**
 * The server's clock. Everything on the server that asks "what time is it" asks here, so that
 * `TOK_CLOCK` (an ISO instant, e.g. `2026-06-15T09:00:00+05:00`) can pin the calendar: the clock
 * then starts at that instant when the process starts and runs on at the normal pace. End-to-end
 * tests use it so that "this month" and "yesterday" are the same on every day of the year.
 * Unset (production), it is the system clock.
 */
let offsetMs: number | undefined;

export function serverNow(): number {
	if (offsetMs === undefined) {
		const pinned = process.env.TOK_CLOCK ? Date.parse(process.env.TOK_CLOCK) : NaN;
		if (process.env.TOK_CLOCK && Number.isNaN(pinned))
			throw new Error(`TOK_CLOCK is not an ISO date and time: ${process.env.TOK_CLOCK}`);
		offsetMs = Number.isNaN(pinned) ? 0 : pinned - Date.now();
	}
	return Date.now() + offsetMs;
}
