import { describe, expect, it } from 'vitest';
import { parseSomToTiyin } from '../../src/lib/domain/money';
import { topUpSuggestion } from '../../src/lib/domain/payments/suggest';
import { MAX_PAYMENT_TIYIN, MIN_PAYMENT_TIYIN } from '../../src/lib/domain/payments/limits';

describe("so'm typed in the top-up form, to exact tiyin", () => {
	it('reads a decimal comma (uz, ru) with spaces between thousands', () => {
		expect(parseSomToTiyin('50 000', ',')).toEqual({ ok: true, tiyin: 5_000_000 });
		expect(parseSomToTiyin('50\u00a0000', ',')).toEqual({ ok: true, tiyin: 5_000_000 });
		expect(parseSomToTiyin('12 500,5', ',')).toEqual({ ok: true, tiyin: 1_250_050 });
		expect(parseSomToTiyin('12500.55', ',')).toEqual({ ok: true, tiyin: 1_250_055 });
		expect(parseSomToTiyin(' 007 ', ',')).toEqual({ ok: true, tiyin: 700 });
		// 0.1 + 0.2 is not 0.30000000000000004 tiyin here.
		expect(parseSomToTiyin('1000,29', ',')).toEqual({ ok: true, tiyin: 100_029 });
	});

	it('reads English grouping and never takes a stray comma as a decimal sign', () => {
		expect(parseSomToTiyin('50,000', '.')).toEqual({ ok: true, tiyin: 5_000_000 });
		expect(parseSomToTiyin('1,250,000.75', '.')).toEqual({ ok: true, tiyin: 125_000_075 });
		expect(parseSomToTiyin('12500,50', '.')).toEqual({ ok: false, reason: 'format' });
		expect(parseSomToTiyin('1,2345', '.')).toEqual({ ok: false, reason: 'format' });
	});

	it('refuses more than two decimals, signs, exponents, junk and absurd lengths', () => {
		expect(parseSomToTiyin('10,005', ',')).toEqual({ ok: false, reason: 'decimals' });
		expect(parseSomToTiyin('', ',')).toEqual({ ok: false, reason: 'empty' });
		for (const junk of [
			'-5000',
			'+5000',
			'1e5',
			'1e309',
			'Infinity',
			'NaN',
			'5 000 сум',
			'0x10',
			'1,2,3'
		])
			expect(parseSomToTiyin(junk, ',')).toEqual({ ok: false, reason: 'format' });
		expect(parseSomToTiyin('9'.repeat(14), ',')).toEqual({ ok: false, reason: 'too_large' });
		expect(parseSomToTiyin('9'.repeat(13), ',')).toEqual({ ok: true, tiyin: 999_999_999_999_900 });
	});
});

describe('the suggested top-up', () => {
	it('is the whole debt when there is one, to the tiyin', () => {
		expect(topUpSuggestion(-12_345_67, 99_000_00)).toEqual({
			kind: 'debt',
			amountTiyin: 12_345_67
		});
	});
	it("is about one month otherwise: the projected bill rounded up to whole so'm", () => {
		expect(topUpSuggestion(5_000_00, 87_654_32)).toEqual({ kind: 'month', amountTiyin: 87_655_00 });
		expect(topUpSuggestion(0, null)).toBeNull();
	});
	it('stays within the payment limits', () => {
		expect(topUpSuggestion(-50, null)).toEqual({ kind: 'debt', amountTiyin: MIN_PAYMENT_TIYIN });
		expect(topUpSuggestion(-(MAX_PAYMENT_TIYIN + 1), null)).toBeNull();
	});
});
