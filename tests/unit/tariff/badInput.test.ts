import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
	compileBlocks,
	compileMonth,
	HOUSEHOLD_2025_05,
	usageKwhToWh,
	MAX_USAGE_WH,
	rateMonth,
	rateMonthTiyin,
	ratePeriod,
	rateUsage,
	rateUsageTiyin,
	TARIFF_VERSIONS,
	TariffError,
	type DailyUsage,
	type TariffErrorCode
} from '$lib/tariff';
import { explainIn } from '$lib/i18n/allCatalogues';
import { formatKwh, formatSom, type Locale } from '$lib/i18n/numbers';

/** Runs `action`, which must throw a TariffError with `code` and a message matching `message`. */
function refusal(action: () => unknown): TariffError {
	try {
		action();
	} catch (error) {
		expect(error).toBeInstanceOf(TariffError);
		return error as TariffError;
	}
	expect.fail('expected a TariffError, but nothing was thrown');
}

function expectRefused(action: () => unknown, code: TariffErrorCode, message: RegExp): void {
	const error = refusal(action);
	expect(error.code).toBe(code);
	expect(error.message).toMatch(message);
}

const blocks = HOUSEHOLD_2025_05.blocks;

/** Values a caller typed as Decimal.Value might still pass at run time. */
const badUsages: Array<[string, unknown, TariffErrorCode, RegExp]> = [
	['a negative number', -1, 'NEGATIVE', /usageKwh must not be negative, got -1/],
	['a negative string', '-0.001', 'NEGATIVE', /must not be negative/],
	['a negative Decimal', new Decimal('-5'), 'NEGATIVE', /must not be negative/],
	['NaN', Number.NaN, 'INVALID_NUMBER', /must be a number, got NaN/],
	['a NaN Decimal', new Decimal(Number.NaN), 'INVALID_NUMBER', /got NaN/],
	['the string NaN', 'NaN', 'INVALID_NUMBER', /plain decimal number/],
	['Infinity', Number.POSITIVE_INFINITY, 'NOT_FINITE', /must be finite, got Infinity/],
	['-Infinity', Number.NEGATIVE_INFINITY, 'NOT_FINITE', /must be finite/],
	['the string Infinity', 'Infinity', 'NOT_FINITE', /must be finite/],
	['an infinite Decimal', new Decimal(Infinity), 'NOT_FINITE', /must be finite/],
	['a word', 'abc', 'INVALID_NUMBER', /must be a plain decimal number like "123.456", got "abc"/],
	['an empty string', '', 'INVALID_NUMBER', /got ""/],
	['a padded number', ' 12', 'INVALID_NUMBER', /plain decimal/],
	['a decimal comma', '1,5', 'INVALID_NUMBER', /plain decimal/],
	['an exponent', '1e3', 'INVALID_NUMBER', /plain decimal/],
	['hexadecimal', '0x10', 'INVALID_NUMBER', /plain decimal/],
	['a trailing point', '12.', 'INVALID_NUMBER', /plain decimal/],
	['four decimals', '1.2345', 'TOO_PRECISE', /at most 3 decimals \(1 Wh\), got "1.2345"/],
	['float noise', 0.1 + 0.2, 'TOO_PRECISE', /at most 3 decimals/],
	['a Decimal with four decimals', new Decimal('0.0001'), 'TOO_PRECISE', /at most 3 decimals/],
	['an absurd amount', '1000000000000.001', 'OUT_OF_RANGE', /at most 1000000000000 kWh/],
	['null', null, 'INVALID_NUMBER', /got null/],
	['undefined', undefined, 'INVALID_NUMBER', /got undefined/],
	['a boolean', true, 'INVALID_NUMBER', /got boolean/],
	['an object', { kwh: 5 }, 'INVALID_NUMBER', /got object/],
	['a bigint', 5n, 'INVALID_NUMBER', /got bigint/]
];

describe('usage that is not a meter amount', () => {
	it.each(badUsages)('is refused by rateUsage: %s', (_, usage, code, message) => {
		expectRefused(() => rateUsage(blocks, usage as Decimal.Value), code, message);
	});

	it.each(badUsages)('is refused by rateMonth: %s', (_, usage, code, message) => {
		expectRefused(
			() => rateMonth(TARIFF_VERSIONS, 'household', '2025-06', usage as Decimal.Value),
			code,
			message
		);
	});

	it.each(badUsages)('is refused as a day of ratePeriod: %s', (_, usage, code) => {
		const input = [
			{ date: '2025-06-01', kwh: '1' },
			{ date: '2025-06-02', kwh: usage }
		] as DailyUsage[];
		expectRefused(
			() => ratePeriod(TARIFF_VERSIONS, 'household', input),
			code,
			/^dailyUsage\[1\]\.kwh /
		);
	});

	it.each(badUsages)('is refused on the way to the integer path: %s', (_, usage, code) => {
		expectRefused(() => usageKwhToWh(usage as Decimal.Value), code, /./);
	});

	it('is accepted when it is zero written as minus zero', () => {
		expect(rateUsage(blocks, -0).total.isZero()).toBe(true);
		expect(rateUsage(blocks, '-0').total.isZero()).toBe(true);
	});
});

describe('months and dates that are not calendar ones', () => {
	it.each(['2025-13', '2025-00', '2025-5', '25-05', '2025-05-01', '2025/05', '', ' 2025-05'])(
		'refuses the month %j',
		(month) => {
			expectRefused(
				() => rateMonth(TARIFF_VERSIONS, 'household', month, '1'),
				'INVALID_MONTH',
				/month must be a month written YYYY-MM/
			);
		}
	);

	it('refuses a month that is not a string', () => {
		expectRefused(
			() => rateMonth(TARIFF_VERSIONS, 'household', 202505 as unknown as string, '1'),
			'INVALID_MONTH',
			/got 202505/
		);
	});

	it.each(['2025-02-29', '2024-02-30', '2025-04-31', '2025-6-01', '2025/06/01', '2025-06', ''])(
		'refuses the day %j in a period',
		(date) => {
			expectRefused(
				() => ratePeriod(TARIFF_VERSIONS, 'household', [{ date, kwh: '1' }]),
				'INVALID_DATE',
				/dailyUsage\[0\]\.date must be a calendar date written YYYY-MM-DD/
			);
		}
	);

	it('refuses a period that has the same day twice', () => {
		expectRefused(
			() =>
				ratePeriod(TARIFF_VERSIONS, 'household', [
					{ date: '2025-06-02', kwh: '1' },
					{ date: '2025-06-01', kwh: '1' },
					{ date: '2025-06-02', kwh: '2' }
				]),
			'DUPLICATE_DATE',
			/dailyUsage has 2025-06-02 twice/
		);
	});

	it('refuses a period that is not a list of days', () => {
		expectRefused(
			() => ratePeriod(TARIFF_VERSIONS, 'household', [null] as unknown as DailyUsage[]),
			'INVALID_NUMBER',
			/dailyUsage\[0\] must be a \{ date, kwh \} object/
		);
	});

	it('refuses a month before any tariff of the class, and a period that reaches it', () => {
		expectRefused(
			() => rateMonth(TARIFF_VERSIONS, 'stove', '2024-04', '1'),
			'NO_TARIFF',
			/no stove tariff is in force on 2024-04-01/
		);
		expectRefused(
			() =>
				ratePeriod(TARIFF_VERSIONS, 'stove', [
					{ date: '2024-04-30', kwh: '1' },
					{ date: '2024-05-01', kwh: '1' }
				]),
			'NO_TARIFF',
			/2024-04-01/
		);
	});
});

describe('the integer path', () => {
	const compiled = compileBlocks(blocks);
	const badWh: Array<[unknown, TariffErrorCode, RegExp]> = [
		[-1, 'NEGATIVE', /usageWh must not be negative/],
		[1.5, 'TOO_PRECISE', /whole number of Wh/],
		[Number.NaN, 'INVALID_NUMBER', /must be a number/],
		[Number.POSITIVE_INFINITY, 'NOT_FINITE', /must be finite/],
		[MAX_USAGE_WH + 1, 'OUT_OF_RANGE', /at most 1000000000 Wh/],
		['100', 'INVALID_NUMBER', /must be a number/]
	];

	it.each(badWh)('refuses %s Wh', (usageWh, code, message) => {
		expectRefused(() => rateUsageTiyin(compiled, usageWh as number), code, message);
		const month = compileMonth(TARIFF_VERSIONS, 'household', '2025-06');
		expectRefused(() => rateMonthTiyin(month, usageWh as number), code, message);
	});

	it('rates up to its bound of 1,000,000 kWh a month', () => {
		expect(rateUsageTiyin(compiled, MAX_USAGE_WH)).toBe(
			Number(rateUsage(blocks, '1000000').total.times(100).toFixed(0))
		);
		expectRefused(() => usageKwhToWh('1000000.001'), 'OUT_OF_RANGE', /beyond the integer path/);
	});

	it('refuses a price beyond 90,000 so’m per kWh, which the decimal path still rates', () => {
		const dear = [{ upToKwh: null, pricePerKwh: '90000.01' }];
		expectRefused(() => compileBlocks(dear), 'OUT_OF_RANGE', /price per kWh 90000.01/);
		expect(rateUsage(dear, '1').total.toFixed(2)).toBe('90000.01');
	});
});

describe('locales other than uz, uz-Cyrl, ru and en', () => {
	it.each(['de', 'uz-Latn', 'RU', ''])('are refused: %j', (locale) => {
		const rating = rateUsage(blocks, '300');
		for (const action of [
			() => explainIn(rating, locale as Locale),
			() => formatSom('1', locale as Locale),
			() => formatKwh('1', locale as Locale)
		]) {
			expectRefused(action, 'INVALID_LOCALE', /locale must be one of uz, uz-Cyrl, ru, en/);
		}
	});

	it('are refused even when named like an object property', () => {
		expectRefused(() => formatSom('1', 'toString' as Locale), 'INVALID_LOCALE', /toString/);
	});
});

describe('money that is not a number', () => {
	it.each([
		['abc', 'INVALID_NUMBER'],
		[Number.NaN, 'INVALID_NUMBER'],
		[Number.POSITIVE_INFINITY, 'NOT_FINITE']
	] as const)('is refused by formatSom: %s', (amount, code) => {
		expectRefused(() => formatSom(amount, 'en'), code, /amount must be/);
	});
});
