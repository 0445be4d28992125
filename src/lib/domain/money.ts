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
 * An amount of so'm as a person types it ("50 000", "12500,5", "12500.50") to exact integer
 * tiyin: digits with spaces between thousands, at most two decimals after a point or a comma.
 * Signs, exponents and anything else are refused rather than guessed at; the range is the
 * caller's to check (payments have their own limits).
 */
export function parseSomToTiyin(text: string): SomParse {
	const compact = text.trim().replace(/[\s\u00a0\u202f]/g, '');
	if (compact === '') return { ok: false, reason: 'empty' };
	const match = /^(\d+)(?:[.,](\d*))?$/.exec(compact);
	if (!match) return { ok: false, reason: 'format' };
	const fraction = match[2] ?? '';
	if (fraction.length > 2) return { ok: false, reason: 'decimals' };
	// Fifteen digits of so'm is beyond any limit and still exact as tiyin in a double.
	const whole = match[1].replace(/^0+(?=\d)/, '');
	if (whole.length > 13) return { ok: false, reason: 'too_large' };
	const tiyin = new Decimal(`${whole}.${fraction.padEnd(2, '0')}`).times(100);
	return { ok: true, tiyin: tiyin.toNumber() };
}
