import { describe, expect, it } from 'vitest';
import { tiyinToSomText, trySomTextToTiyin } from '../../../src/lib/domain/payments/soms';
import {
	formatTashkentTime,
	parseTashkentTime
} from '../../../src/lib/domain/payments/tashkentTime';

describe("so'm text to tiyin", () => {
	it("parses plain so'm with up to two decimals exactly", () => {
		expect(trySomTextToTiyin('50000')).toBe(5_000_000);
		expect(trySomTextToTiyin('50000.5')).toBe(5_000_050);
		expect(trySomTextToTiyin('50000.05')).toBe(5_000_005);
		expect(trySomTextToTiyin('0.1')).toBe(10);
		expect(trySomTextToTiyin('9999999999999.99')).toBe(999_999_999_999_999);
	});

	it('refuses what a float would round or misread', () => {
		for (const text of [
			'1000.001',
			'1e309',
			'1e3',
			'-5',
			'+5',
			'05',
			'1,000',
			' 1000',
			'1000.',
			'.5',
			'Infinity',
			'NaN',
			'0x10',
			'10000000000000',
			''
		])
			expect(trySomTextToTiyin(text), text).toBeNull();
	});

	it("formats tiyin for payment links, whole so'm without decimals", () => {
		expect(tiyinToSomText(5_000_000)).toBe('50000');
		expect(tiyinToSomText(5_000_050)).toBe('50000.50');
		expect(tiyinToSomText(5_000_005)).toBe('50000.05');
		expect(() => tiyinToSomText(1.5)).toThrow(RangeError);
		for (const tiyin of [1, 99, 100_001, 123_456_789])
			expect(trySomTextToTiyin(tiyinToSomText(tiyin))).toBe(tiyin);
	});
});

describe('Tashkent wall-clock times', () => {
	it("reads 'YYYY-MM-DD HH:mm:ss' as UTC+5", () => {
		expect(parseTashkentTime('2026-12-02 04:30:00')).toBe(Date.UTC(2026, 11, 1, 23, 30, 0));
		expect(formatTashkentTime(Date.UTC(2026, 11, 1, 23, 30, 0))).toBe('2026-12-02 04:30:00');
	});

	it('refuses impossible or other-format times', () => {
		for (const text of [
			'2025-02-29 10:00:00',
			'2026-12-01 24:00:00',
			'2026-12-01T10:00:00',
			'2026-12-01 10:00',
			'1733097600'
		])
			expect(parseTashkentTime(text), text).toBeNull();
	});
});
