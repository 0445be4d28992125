// Operators that speak so'm (Click, UPay) send amounts as decimal text ("50000", "50000.5",
// "50000.50"). Tok keeps whole tiyin; the conversion is string arithmetic, never a float, and
// refuses what a float would quietly round: a third decimal, an exponent, a sign, a huge number.

/** Plain so'm: no sign, no exponent, no leading zero, at most 13 digits before the point and 2 after. */
const SOM_PATTERN = /^(0|[1-9]\d{0,12})(?:\.(\d{1,2}))?$/;

/** "50000.5" → 5000050 tiyin, exactly; null for anything that is not plain so'm text. */
export function trySomTextToTiyin(text: string): number | null {
	const match = SOM_PATTERN.exec(text);
	if (!match) return null;
	// Both parts are decimal integers far below 2^53 (13 digits × 100), so Number() is exact.
	return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** 5000050 tiyin → "50000.50"; whole so'm without decimals ("50000"), as payment links show them. */
export function tiyinToSomText(tiyin: number): string {
	if (!Number.isSafeInteger(tiyin) || tiyin < 0)
		throw new RangeError(`not a whole, non-negative number of tiyin: ${tiyin}`);
	const whole = Math.floor(tiyin / 100);
	const rest = tiyin % 100;
	return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0')}`;
}
