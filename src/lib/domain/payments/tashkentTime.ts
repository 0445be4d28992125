// Operators here write times as Tashkent wall-clock text, 'YYYY-MM-DD HH:mm:ss' (UTC+5, no
// daylight saving): Click's sign_time, UPay's upayTransTime.

const OFFSET_MS = 5 * 3_600_000;
const PATTERN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** '2026-12-01 23:58:12' (Tashkent) → epoch ms; null for text that is not a real such time. */
export function parseTashkentTime(text: string): number | null {
	const match = PATTERN.exec(text);
	if (!match) return null;
	const [y, mo, d, h, mi, s] = match.slice(1).map(Number);
	const ms = Date.UTC(y, mo - 1, d, h, mi, s);
	// Date.UTC rolls 2025-02-30 over to March; a real time formats back to the same text.
	return formatTashkentTime(ms - OFFSET_MS) === text ? ms - OFFSET_MS : null;
}

/** Epoch ms → 'YYYY-MM-DD HH:mm:ss' in Tashkent. */
export function formatTashkentTime(ms: number): string {
	return new Date(ms + OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}
