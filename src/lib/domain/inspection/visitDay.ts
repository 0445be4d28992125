import { parseDay, tashkentToday } from '../dates';

const TASHKENT_OFFSET_MS = 5 * 3_600_000;

/**
 * The Tashkent day a visit's readings are dated: the phone's time of recording, but never after
 * the server's now (a phone whose clock runs ahead did not visit tomorrow).
 */
export function visitDay(recordedAtMs: number, nowMs: number): string {
	return tashkentToday(Math.min(recordedAtMs, nowMs));
}

/** Midnight at the start of a Tashkent day, as epoch ms. */
export function tashkentDayStartMs(day: string): number {
	return parseDay(day) - TASHKENT_OFFSET_MS;
}
