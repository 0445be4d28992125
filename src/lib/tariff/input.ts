import Decimal from 'decimal.js';
import { MAX_USAGE_KWH, TariffDecimal, ZERO } from './decimal';
import { TariffError } from './errors';

const PLAIN_DECIMAL = /^-?\d+(?:\.\d+)?$/;
/** A string that is certainly a valid usage: under 10^12 kWh, at most 3 decimals, no sign. */
const CERTAINLY_VALID_KWH = /^\d{1,12}(?:\.\d{1,3})?$/;
const INFINITY = /^[+-]?Infinity$/;
const MAX_USAGE = new TariffDecimal(MAX_USAGE_KWH);

function shown(value: unknown): string {
	const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
	return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/**
 * Any finite number as a Decimal: a plain decimal string (`"-12.5"`, no exponent, no spaces),
 * a finite JS number, or a finite Decimal. Everything else is refused, never guessed at.
 */
export function toDecimal(value: unknown, what: string): Decimal {
	if (typeof value === 'string') {
		if (PLAIN_DECIMAL.test(value)) return new TariffDecimal(value);
		if (INFINITY.test(value)) {
			throw new TariffError('NOT_FINITE', `${what} must be finite, got ${shown(value)}`);
		}
		throw new TariffError(
			'INVALID_NUMBER',
			`${what} must be a plain decimal number like "123.456", got ${shown(value)}`
		);
	}
	if (typeof value === 'number') {
		if (Number.isNaN(value)) {
			throw new TariffError('INVALID_NUMBER', `${what} must be a number, got NaN`);
		}
		if (!Number.isFinite(value)) {
			throw new TariffError('NOT_FINITE', `${what} must be finite, got ${shown(value)}`);
		}
		return new TariffDecimal(value);
	}
	if (Decimal.isDecimal(value)) {
		if (value.isNaN()) {
			throw new TariffError('INVALID_NUMBER', `${what} must be a number, got NaN`);
		}
		if (!value.isFinite()) {
			throw new TariffError('NOT_FINITE', `${what} must be finite, got ${shown(value)}`);
		}
		return new TariffDecimal(value);
	}
	throw new TariffError(
		'INVALID_NUMBER',
		`${what} must be a decimal string, a number or a Decimal, got ${value === null ? 'null' : typeof value}`
	);
}

/**
 * A quantity of energy: finite, not negative, at most 3 decimals (the watt-hour, which is what
 * meters report), at most `MAX_USAGE_KWH`. A JS number carrying float noise
 * (`0.1 + 0.2`) has more than 3 decimals and is refused rather than rounded.
 */
export function parseKwh(value: unknown, what = 'usageKwh'): Decimal {
	// The common case, from a database or a sync payload, without the checks below.
	if (typeof value === 'string' && CERTAINLY_VALID_KWH.test(value)) {
		return new TariffDecimal(value);
	}
	const kwh = toDecimal(value, what);
	if (kwh.isZero()) return ZERO;
	if (kwh.isNeg()) {
		throw new TariffError('NEGATIVE', `${what} must not be negative, got ${shown(value)}`);
	}
	if (kwh.decimalPlaces() > 3) {
		throw new TariffError(
			'TOO_PRECISE',
			`${what} must have at most 3 decimals (1 Wh), got ${shown(value)}`
		);
	}
	if (kwh.gt(MAX_USAGE)) {
		throw new TariffError(
			'OUT_OF_RANGE',
			`${what} must be at most ${MAX_USAGE_KWH} kWh, got ${shown(value)}`
		);
	}
	return kwh;
}
