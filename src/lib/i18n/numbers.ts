import type Decimal from 'decimal.js';
import { ROUND_HALF_UP } from '../tariff/decimal';
import { TariffError } from '../tariff/errors';
import { toDecimal } from '../tariff/input';
import { LOCALES, type Locale } from './locale';

/**
 * Numbers as each locale writes them, built from decimal.js strings (never a float, never Intl,
 * so that old phones without full Intl data print the same as the server). The separators are
 * CLDR's, as `Intl.NumberFormat` prints them:
 *
 *   uz, uz-Cyrl, ru   90 000,5   group U+00A0 (no-break space), decimal comma
 *   en                90,000.5   group comma, decimal point
 *
 * A number and its unit are joined by a no-break space so a line never wraps between them.
 */

export { LOCALES, type Locale } from './locale';

export const NO_BREAK_SPACE = '\u00a0';

interface LocaleNumbers {
	readonly group: string;
	readonly decimal: string;
	readonly currency: string;
	readonly kwh: string;
}

const NUMBERS: Readonly<Record<Locale, LocaleNumbers>> = {
	uz: { group: NO_BREAK_SPACE, decimal: ',', currency: 'soʻm', kwh: 'kVt·soat' },
	'uz-Cyrl': { group: NO_BREAK_SPACE, decimal: ',', currency: 'сўм', kwh: 'кВт·соат' },
	ru: { group: NO_BREAK_SPACE, decimal: ',', currency: 'сум', kwh: 'кВт·ч' },
	en: { group: ',', decimal: '.', currency: "so'm", kwh: 'kWh' }
};

export function localeNumbers(locale: Locale): LocaleNumbers {
	// Object.hasOwn is newer than the browser floor (Chrome 87).
	const numbers = Object.prototype.hasOwnProperty.call(NUMBERS, locale)
		? NUMBERS[locale]
		: undefined;
	if (numbers === undefined) {
		throw new TariffError(
			'INVALID_LOCALE',
			`locale must be one of ${LOCALES.join(', ')}, got ${JSON.stringify(locale) ?? String(locale)}`
		);
	}
	return numbers;
}

/**
 * `value` rounded half-up to `maxDecimals`, grouped by thousands. `keepDecimals` decides what
 * survives of the decimals: money keeps both digits of tiyin or none, kWh and prices drop
 * trailing zeros.
 */
function formatNumber(
	value: Decimal,
	maxDecimals: number,
	keepDecimals: (digits: string) => string,
	numbers: LocaleNumbers
): string {
	const fixed = value.abs().toFixed(maxDecimals, ROUND_HALF_UP);
	const point = fixed.indexOf('.');
	const whole = point < 0 ? fixed : fixed.slice(0, point);
	const decimals = point < 0 ? '' : keepDecimals(fixed.slice(point + 1));
	let grouped = whole.slice(0, ((whole.length - 1) % 3) + 1);
	for (let i = grouped.length; i < whole.length; i += 3) {
		grouped += numbers.group + whole.slice(i, i + 3);
	}
	const isZero = /^[0.]*$/.test(fixed);
	const sign = value.isNeg() && !isZero ? '-' : '';
	return sign + grouped + (decimals === '' ? '' : numbers.decimal + decimals);
}

/** Tiyin are shown only when there are some, and then both digits: "90 000", "0,45", "787,50". */
const tiyinIfAny = (digits: string): string => (digits === '00' ? '' : digits);
const withoutTrailingZeros = (digits: string): string => digits.replace(/0+$/, '');

/**
 * An amount of money: `formatSom('90000', 'uz')` is "90 000 soʻm", `formatSom('0.45', 'en')` is
 * "0.45 so'm". Rounded half-up to the tiyin; negative amounts (a debt) keep their sign.
 */
export function formatSom(amount: Decimal.Value, locale: Locale): string {
	const numbers = localeNumbers(locale);
	const text = formatNumber(toDecimal(amount, 'amount'), 2, tiyinIfAny, numbers);
	return text + NO_BREAK_SPACE + numbers.currency;
}

/** A plain number such as a price per kWh, to the tiyin, trailing zeros dropped: "787,5". */
export function formatPlain(value: Decimal.Value, locale: Locale): string {
	return formatNumber(toDecimal(value, 'value'), 2, withoutTrailingZeros, localeNumbers(locale));
}

/** kWh without the unit, to the watt-hour, trailing zeros dropped: "12 345,678", "200". */
export function formatKwhNumber(kwh: Decimal.Value, locale: Locale): string {
	return formatNumber(toDecimal(kwh, 'kwh'), 3, withoutTrailingZeros, localeNumbers(locale));
}

/** An amount of energy: `formatKwh('12345.678', 'ru')` is "12 345,678 кВт·ч". */
export function formatKwh(kwh: Decimal.Value, locale: Locale): string {
	const numbers = localeNumbers(locale);
	return (
		formatNumber(toDecimal(kwh, 'kwh'), 3, withoutTrailingZeros, numbers) +
		NO_BREAK_SPACE +
		numbers.kwh
	);
}
