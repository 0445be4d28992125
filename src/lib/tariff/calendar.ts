import { TariffError } from './errors';

/** Civil-calendar arithmetic on `YYYY-MM` and `YYYY-MM-DD` strings: no Date, no time zone, no clock. */

const MONTH = /^(\d{4})-(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarMonth {
	/** `YYYY-MM` */
	readonly month: string;
	readonly year: number;
	/** 1–12 */
	readonly monthNumber: number;
	/** 28–31 */
	readonly days: number;
}

export function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, monthNumber: number): number {
	if (monthNumber === 2) return isLeapYear(year) ? 29 : 28;
	return monthNumber === 4 || monthNumber === 6 || monthNumber === 9 || monthNumber === 11
		? 30
		: 31;
}

/** True for a real calendar day from 0001-01-01 to 9999-12-31. */
export function isCalendarDate(value: string): boolean {
	const match = DATE.exec(value);
	if (!match) return false;
	const year = Number(match[1]);
	const monthNumber = Number(match[2]);
	const day = Number(match[3]);
	return (
		year >= 1 &&
		monthNumber >= 1 &&
		monthNumber <= 12 &&
		day >= 1 &&
		day <= daysInMonth(year, monthNumber)
	);
}

export function parseMonth(value: unknown, what = 'month'): CalendarMonth {
	const match = typeof value === 'string' ? MONTH.exec(value) : null;
	const year = match ? Number(match[1]) : 0;
	const monthNumber = match ? Number(match[2]) : 0;
	if (!match || year < 1 || monthNumber < 1 || monthNumber > 12) {
		throw new TariffError(
			'INVALID_MONTH',
			`${what} must be a month written YYYY-MM, got ${JSON.stringify(value) ?? String(value)}`
		);
	}
	return { month: value as string, year, monthNumber, days: daysInMonth(year, monthNumber) };
}

/** Checks a `YYYY-MM-DD` date. */
export function parseDate(value: unknown, what = 'date'): string {
	if (typeof value !== 'string' || !isCalendarDate(value)) {
		throw new TariffError(
			'INVALID_DATE',
			`${what} must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(value) ?? String(value)}`
		);
	}
	return value;
}

export function dayOfMonth(month: string, day: number): string {
	return `${month}-${day < 10 ? '0' : ''}${day}`;
}
