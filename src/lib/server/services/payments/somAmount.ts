import { isPaymentAmount } from './limits';

/**
 * An amount in so'm as operators send it (`"50000"`, `"50000.5"`, `50000.50`, a JSON number or
 * a string) to whole tiyin, exactly: digits, at most 2 decimals, no sign, no exponent, within
 * the payment limits. Anything else is undefined. A JSON number is read through its shortest
 * text (`String(n)`), which is what the operator wrote for every amount with ≤ 2 decimals.
 */
export function somToTiyin(value: unknown): number | undefined {
	const text = typeof value === 'number' ? String(value) : value;
	if (typeof text !== 'string') return undefined;
	const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text.trim());
	if (!match) return undefined;
	const tiyin = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
	return isPaymentAmount(tiyin) ? tiyin : undefined;
}

/** Whole tiyin to so'm with 2 decimals, as text: 5000050 → "50000.50". */
export function tiyinToSomText(tiyin: number): string {
	const sign = tiyin < 0 ? '-' : '';
	const abs = Math.abs(tiyin);
	return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
