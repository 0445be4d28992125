// Calendar dates as 'YYYY-MM-DD' strings in UTC arithmetic: a reading belongs to a day, and a
// day has no time zone.

const DAY_MS = 86_400_000;

export function parseDay(date: string): number {
	return Date.parse(`${date}T00:00:00Z`);
}

export function formatDay(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
	return formatDay(parseDay(date) + days * DAY_MS);
}

export function daysBetween(from: string, to: string): number {
	return Math.round((parseDay(to) - parseDay(from)) / DAY_MS);
}

export function monthOf(date: string): string {
	return date.slice(0, 7);
}

export function addMonths(month: string, n: number): string {
	const [y, m] = month.split('-').map(Number);
	const total = y * 12 + (m - 1) + n;
	return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

export function daysInMonth(month: string): number {
	const [y, m] = month.split('-').map(Number);
	return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Today's date in Tashkent (UTC+5, no daylight saving), where the meters are. */
export function tashkentToday(nowMs: number): string {
	return formatDay(nowMs + 5 * 3_600_000);
}

/** True for a real calendar day written YYYY-MM-DD ('2025-02-29' is not one). */
export function isCalendarDay(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const ms = parseDay(value);
	return Number.isFinite(ms) && formatDay(ms) === value;
}

/** The last day of a month: '2025-02' → '2025-02-28'. */
export function lastDayOf(month: string): string {
	return `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
}

/**
 * A day as a person types it in the app's format, day first: "05.12.2026", "5.12.2026",
 * "5/12/2026" or "5-12-2026" (and 'YYYY-MM-DD' as it is stored) → '2026-12-05'; null for
 * anything that is not a real calendar day.
 */
export function parseTypedDay(text: string): string | null {
	const value = text.trim();
	if (isCalendarDay(value)) return value;
	const match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(value);
	if (!match) return null;
	const [, d, m, y] = match;
	const day = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
	return isCalendarDay(day) ? day : null;
}

/** A day 'YYYY-MM-DD' in the format the date field takes: '05.12.2026'. */
export function typedDay(date: string): string {
	const [y, m, d] = date.split('-');
	return `${d}.${m}.${y}`;
}
