/**
 * Why a rating was refused. Every refusal is a `TariffError`: the module never returns a number
 * it cannot stand behind.
 */
export type TariffErrorCode =
	/** Not a number at all: `'abc'`, `'1e3'`, `' 5'`, `NaN`, `null`, a boolean. */
	| 'INVALID_NUMBER'
	/** `Infinity` or `-Infinity`. */
	| 'NOT_FINITE'
	/** Usage below zero. */
	| 'NEGATIVE'
	/** More decimals than the unit allows (kWh to 3 places, i.e. to the watt-hour). */
	| 'TOO_PRECISE'
	/** Beyond the bound the arithmetic is proven exact for (see README, "Bounds"). */
	| 'OUT_OF_RANGE'
	/** Not a `YYYY-MM` month. */
	| 'INVALID_MONTH'
	/** Not a real `YYYY-MM-DD` calendar date. */
	| 'INVALID_DATE'
	/** The same day appears twice in a list of daily usage. */
	| 'DUPLICATE_DATE'
	/** No tariff version of that class is in force on some day that was asked about. */
	| 'NO_TARIFF'
	/** A tariff version (or list of versions) breaks a rule; the message names the rule. */
	| 'INVALID_TARIFF'
	/** A locale other than uz, uz-Cyrl, ru, en. */
	| 'INVALID_LOCALE';

export class TariffError extends Error {
	override readonly name = 'TariffError';
	readonly code: TariffErrorCode;

	constructor(code: TariffErrorCode, message: string) {
		super(message);
		this.code = code;
	}
}
