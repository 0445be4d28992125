import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	BACKOFF_BASE_MS,
	BACKOFF_MAX_MS,
	nextDelayMs
} from '../../../src/lib/client/sync/retry/backoff';

describe('waiting before a retry', () => {
	it('the first retry comes within a couple of seconds, never at once', () => {
		expect(nextDelayMs(0, 0)).toBe(BACKOFF_BASE_MS / 2);
		expect(nextDelayMs(0, 0.999)).toBeLessThanOrEqual(BACKOFF_BASE_MS);
	});

	it('each failure about doubles the wait, up to five minutes', () => {
		expect([0, 1, 2, 3].map((a) => nextDelayMs(a, 1))).toEqual([2_000, 4_000, 8_000, 16_000]);
		expect(nextDelayMs(50, 1)).toBe(BACKOFF_MAX_MS);
		expect(nextDelayMs(1_000_000, 0.5)).toBeLessThanOrEqual(BACKOFF_MAX_MS);
	});

	it('phones retrying together spread out: the wait is anywhere in the upper half of the window', () => {
		fc.assert(
			fc.property(fc.nat(40), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, random) => {
				const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt);
				const delay = nextDelayMs(attempt, random);
				expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
				expect(delay).toBeLessThanOrEqual(ceiling);
			}),
			{ seed: 1 }
		);
		expect(nextDelayMs(3, 0.1)).not.toBe(nextDelayMs(3, 0.9));
	});

	it('never waits longer after fewer failures', () => {
		fc.assert(
			fc.property(fc.nat(40), (attempt) => {
				expect(nextDelayMs(attempt + 1, 0)).toBeGreaterThanOrEqual(nextDelayMs(attempt, 0));
			}),
			{ seed: 1 }
		);
	});

	it('odd input (negative, fractional) still gives a sane wait', () => {
		expect(nextDelayMs(-3, 0)).toBe(BACKOFF_BASE_MS / 2);
		expect(nextDelayMs(1.7, 2)).toBe(4_000);
	});
});
