import Decimal from 'decimal.js';

/**
 * Integer tiyin (as stored) to so'm as an exact decimal: the tariff module's one conversion
 * (it refuses a tiyin that is not a whole number).
 */
export { tiyinToSom } from '../tariff/integerRating';

/** Integer Wh (as stored) to kWh as an exact decimal. */
export function whToKwh(wh: number): Decimal {
	return new Decimal(wh).div(1000);
}

export type BalanceState = 'prepayment' | 'debt' | 'settled';

export function balanceState(balanceTiyin: number): BalanceState {
	if (balanceTiyin > 0) return 'prepayment';
	if (balanceTiyin < 0) return 'debt';
	return 'settled';
}

export type SomParse =
	| { ok: true; tiyin: number }
	| { ok: false; reason: 'empty' | 'format' | 'decimals' | 'too_large' };

/**
 * An amount of so'm as a person types it to exact integer tiyin, in the way their language
 * writes numbers: with a decimal comma ("50 000", "12 500,50"; a point is taken as the decimal
 * sign too, since nothing else can mean it there) or, in English, with a decimal point and
 * commas between thousands ("50,000", "12,500.50"; a comma elsewhere is refused rather than
 * guessed at, so "12500,50" is never read as 1,250,050). Spaces are ignored; at most two
 * decimals; signs, exponents and anything else are refused. The range is the caller's to check.
 */
export function parseSomToTiyin(text: string, decimalSign: ',' | '.'): SomParse {
	const compact = text.trim().replace(/[\s\u00a0\u202f]/g, '');
	if (compact === '') return { ok: false, reason: 'empty' };
	const match =
		decimalSign === '.'
			? /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$/.exec(compact)
			: /^(\d+)(?:[.,](\d*))?$/.exec(compact);
	if (!match) return { ok: false, reason: 'format' };
	const fraction = match[2] ?? '';
	if (fraction.length > 2) return { ok: false, reason: 'decimals' };
	const whole = match[1].replace(/,/g, '').replace(/^0+(?=\d)/, '');
	// Thirteen digits of so'm is beyond any limit and still exact as tiyin in a double.
	if (whole.length > 13) return { ok: false, reason: 'too_large' };
	const tiyin = new Decimal(`${whole}.${fraction.padEnd(2, '0')}`).times(100);
	return { ok: true, tiyin: tiyin.toNumber() };
}
