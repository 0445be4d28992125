import { describe, expect, it } from 'vitest';
import { tashkentDayStartMs, visitDay } from '../../../src/lib/domain/inspection/visitDay';

describe('visitDay', () => {
	const now = Date.parse('2026-11-01T09:00:00Z'); // 14:00 in Tashkent

	it('dates a visit by the Tashkent day it was recorded on, not the UTC one', () => {
		// 20:30 UTC on 31 October is 01:30 on 1 November in Tashkent.
		expect(visitDay(Date.parse('2026-10-31T20:30:00Z'), now)).toBe('2026-11-01');
		expect(visitDay(Date.parse('2026-10-31T18:59:59Z'), now)).toBe('2026-10-31');
	});

	it('never dates a visit after the server’s today, whatever the phone’s clock says', () => {
		expect(visitDay(Date.parse('2026-11-03T09:00:00Z'), now)).toBe('2026-11-01');
	});

	it('gives the instant a Tashkent day starts', () => {
		expect(tashkentDayStartMs('2026-11-01')).toBe(Date.parse('2026-10-31T19:00:00Z'));
		expect(visitDay(tashkentDayStartMs('2026-11-01'), now)).toBe('2026-11-01');
		expect(visitDay(tashkentDayStartMs('2026-11-01') - 1, now)).toBe('2026-10-31');
	});
});
