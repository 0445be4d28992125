import { describe, expect, it } from 'vitest';
import {
	addDays,
	addMonths,
	daysInMonth,
	parseTypedDay,
	tashkentToday,
	typedDay
} from '../../src/lib/domain/dates';

describe('calendar days', () => {
	it('adds days across month and year ends, and over a leap day', () => {
		expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
		expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
		expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
	});
	it('adds months across years', () => {
		expect(addMonths('2025-11', 3)).toBe('2026-02');
		expect(addMonths('2025-01', -1)).toBe('2024-12');
	});
	it('knows month lengths, leap Februaries included', () => {
		expect([daysInMonth('2024-02'), daysInMonth('2025-02'), daysInMonth('2025-04')]).toEqual([
			29, 28, 30
		]);
	});
	it("today is Tashkent's date (UTC+5), not the server's", () => {
		expect(tashkentToday(Date.parse('2026-11-24T19:30:00Z'))).toBe('2026-11-25');
		expect(tashkentToday(Date.parse('2026-11-24T18:59:00Z'))).toBe('2026-11-24');
	});
});

describe('a date typed in the app’s format', () => {
	it('is read day first, with dots, slashes or dashes, and as stored', () => {
		expect(parseTypedDay('05.12.2026')).toBe('2026-12-05');
		expect(parseTypedDay(' 5.1.2027 ')).toBe('2027-01-05');
		expect(parseTypedDay('5/12/2026')).toBe('2026-12-05');
		expect(parseTypedDay('5-12-2026')).toBe('2026-12-05');
		expect(parseTypedDay('2026-12-05')).toBe('2026-12-05');
		expect(typedDay('2026-12-05')).toBe('05.12.2026');
	});

	it('is refused when it is not a real day', () => {
		for (const text of [
			'31.02.2026',
			'12.31.2026',
			'29.02.2025',
			'5.12.26',
			'tomorrow',
			'',
			'1.1.2026x'
		])
			expect(parseTypedDay(text), text).toBeNull();
		expect(parseTypedDay('29.02.2028')).toBe('2028-02-29');
	});
});
