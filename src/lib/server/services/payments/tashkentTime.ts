/** Tashkent is UTC+5 all year (no daylight saving). */
const OFFSET_MS = 5 * 3_600_000;

/** ms → 'YYYY-MM-DD HH:mm:ss' in Tashkent time (Paynet's published time format). */
export function formatTashkentTime(ms: number): string {
	return new Date(ms + OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** 'YYYY-MM-DD HH:mm:ss' in Tashkent time → ms, or undefined when not that exact form. */
export function parseTashkentTime(text: unknown): number | undefined {
	if (typeof text !== 'string') return undefined;
	const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
	if (!m) return undefined;
	const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
	const ms = Date.UTC(y, mo - 1, d, h, mi, s);
	// Date.UTC rolls 2025-02-30 over to March: a rolled date is not the date written.
	if (formatTashkentTime(ms - OFFSET_MS) !== text) return undefined;
	return ms - OFFSET_MS;
}
