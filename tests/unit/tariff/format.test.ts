/**
 * Replay a property failure: TARIFF_FC_SEED=<seed> npx vitest run --project unit tests/unit/tariff
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatKwh, formatSom, LOCALES } from '$lib/i18n/numbers';

const FC = { seed: Number(process.env.TARIFF_FC_SEED ?? 20250501), numRuns: 1000 };
/** No-break space: between thousands in uz, uz-Cyrl and ru, and between a number and its unit. */
const _ = '\u00a0';

describe('formatSom', () => {
	it('writes so’m as each locale does', () => {
		expect(formatSom('90000', 'uz')).toBe(`90${_}000${_}soʻm`);
		expect(formatSom('90000', 'uz-Cyrl')).toBe(`90${_}000${_}сўм`);
		expect(formatSom('90000', 'ru')).toBe(`90${_}000${_}сум`);
		expect(formatSom('90000', 'en')).toBe(`90,000${_}so'm`);
	});

	it('shows tiyin only when there are some, and then both digits', () => {
		expect(formatSom('180000.00', 'en')).toBe(`180,000${_}so'm`);
		expect(formatSom('0.45', 'uz')).toBe(`0,45${_}soʻm`);
		expect(formatSom('787.5', 'ru')).toBe(`787,50${_}сум`);
		expect(formatSom('2111110.2', 'en')).toBe(`2,111,110.20${_}so'm`);
	});

	it('rounds anything finer than a tiyin half-up', () => {
		expect(formatSom('0.005', 'en')).toBe(`0.01${_}so'm`);
		expect(formatSom('0.00499', 'en')).toBe(`0${_}so'm`);
		expect(formatSom('999.995', 'ru')).toBe(`1${_}000${_}сум`);
	});

	it('keeps the sign of a debt, and drops it from a zero', () => {
		expect(formatSom('-12000.5', 'uz')).toBe(`-12${_}000,50${_}soʻm`);
		expect(formatSom(-1, 'en')).toBe(`-1${_}so'm`);
		expect(formatSom('-0.001', 'en')).toBe(`0${_}so'm`);
	});

	it('takes strings, numbers and Decimals', () => {
		expect(formatSom(1234567890.12, 'en')).toBe(`1,234,567,890.12${_}so'm`);
		expect(formatSom(new Decimal('1234567890123456789.5'), 'ru')).toBe(
			`1${_}234${_}567${_}890${_}123${_}456${_}789,50${_}сум`
		);
	});

	it('groups digits exactly as Intl.NumberFormat does, in every locale', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...LOCALES),
				fc.integer({ min: -1e13, max: 1e13 }),
				(locale, tiyin) => {
					const som = new Decimal(tiyin).div(100);
					const fraction = tiyin % 100 === 0 ? 0 : 2;
					const intl = new Intl.NumberFormat(locale, {
						minimumFractionDigits: fraction,
						maximumFractionDigits: fraction
					}).format(som.toNumber());
					expect(formatSom(som, locale)).toBe(
						`${intl}${_}${locale === 'ru' ? 'сум' : locale === 'uz-Cyrl' ? 'сўм' : locale === 'uz' ? 'soʻm' : "so'm"}`
					);
				}
			),
			FC
		);
	});
});

describe('formatKwh', () => {
	it('writes kWh as each locale does, to the watt-hour', () => {
		expect(formatKwh('12345.678', 'uz')).toBe(`12${_}345,678${_}kVt·soat`);
		expect(formatKwh('12345.678', 'uz-Cyrl')).toBe(`12${_}345,678${_}кВт·соат`);
		expect(formatKwh('12345.678', 'ru')).toBe(`12${_}345,678${_}кВт·ч`);
		expect(formatKwh('12345.678', 'en')).toBe(`12,345.678${_}kWh`);
	});

	it('drops trailing zeros of the decimals', () => {
		expect(formatKwh('200.000', 'en')).toBe(`200${_}kWh`);
		expect(formatKwh('200.500', 'ru')).toBe(`200,5${_}кВт·ч`);
		expect(formatKwh(0, 'en')).toBe(`0${_}kWh`);
		expect(formatKwh('0.001', 'uz')).toBe(`0,001${_}kVt·soat`);
	});

	it('rounds finer amounts half-up to the watt-hour', () => {
		expect(formatKwh('0.0005', 'en')).toBe(`0.001${_}kWh`);
		expect(formatKwh('999.9995', 'en')).toBe(`1,000${_}kWh`);
	});
});
