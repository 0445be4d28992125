import { formatDate } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/index.svelte';

/**
 * A logged moment in Tashkent's time (UTC+5, no summer time), to the second: the office reads
 * the logs together with callers on the phone, whatever the computer's own time zone.
 */
export function tashkentMoment(ms: number, locale: Locale): string {
	const iso = new Date(ms + 5 * 3_600_000).toISOString();
	return `${formatDate(iso.slice(0, 10), locale)}, ${iso.slice(11, 19)}`;
}
