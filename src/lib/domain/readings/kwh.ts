// Meter values travel as kWh decimal strings ("12345.678") and are stored as whole Wh. The
// conversion is string arithmetic: a float would turn "0.1" + "0.2" into 300.00000000000006 Wh.

/** A plain kWh decimal: no sign, no exponent, at most 12 digits before the point and 3 after. */
export const KWH_PATTERN = /^(\d{1,12})(?:\.(\d{1,3}))?$/;

/** The largest register value we accept, just under 10^12 kWh (10^15 Wh < 2^53). */
export const MAX_READING_WH = 999_999_999_999_999;

/** "12345.678" → 12345678 Wh, exactly; null for anything that is not a plain kWh decimal. */
export function tryKwhTextToWh(kwh: string): number | null {
	const match = KWH_PATTERN.exec(kwh);
	if (!match) return null;
	// Both parts are decimal integers below 2^53, so Number() is exact here.
	return Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0'));
}

/** 12345678 Wh → "12345.678" (always three decimals), the inverse of `tryKwhTextToWh`. */
export function whToKwhText(wh: number): string {
	if (!Number.isSafeInteger(wh)) throw new RangeError(`not a whole number of Wh: ${wh}`);
	const sign = wh < 0 ? '-' : '';
	const abs = Math.abs(wh);
	return `${sign}${Math.floor(abs / 1000)}.${String(abs % 1000).padStart(3, '0')}`;
}
