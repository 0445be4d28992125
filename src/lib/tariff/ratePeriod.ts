import type Decimal from 'decimal.js';
import { parseDate } from './calendar';
import { ZERO } from './decimal';
import { TariffError } from './errors';
import { parseKwh } from './input';
import { rateMonth, type MonthRating } from './rateMonth';
import type { TariffVersion } from './versions';

export interface DailyUsage {
	/** The day the energy was used (the day of the reading, not the day it arrived), `YYYY-MM-DD`. */
	readonly date: string;
	readonly kwh: Decimal.Value;
}

export interface PeriodMonth extends MonthRating {
	/** The first and last day of this month that the input had usage for. */
	readonly firstDate: string;
	readonly lastDate: string;
}

export interface PeriodRating {
	/** Each calendar month of the input, oldest first, rated on its own. */
	readonly months: readonly PeriodMonth[];
	readonly usageKwh: Decimal;
	/** The sum of the months' totals. */
	readonly total: Decimal;
}

/**
 * Rates days of usage that may cross months. The social norm and every block are monthly, so the
 * days are grouped by calendar month and each month is rated on its own with `rateMonth`, on
 * the sum of its days. A month's bill is therefore the same whether its usage arrived day by day
 * or as one reading, and a mid-month tariff change splits it by calendar days as `rateMonth`
 * does, not by which days the energy was used. Days missing from the input count as no usage.
 *
 * The input may be in any order. Throws `TariffError`: `INVALID_DATE`, `DUPLICATE_DATE` (one day
 * twice: summing it could bill a double import), a usage error for any day's kWh, or what
 * `rateMonth` throws.
 */
export function ratePeriod(
	versions: readonly TariffVersion[],
	tariffClass: string,
	dailyUsage: readonly DailyUsage[]
): PeriodRating {
	if (!Array.isArray(dailyUsage)) {
		throw new TariffError('INVALID_NUMBER', 'dailyUsage must be a list of { date, kwh }');
	}
	const days = dailyUsage.map((entry: unknown, index) => {
		const where = `dailyUsage[${index}]`;
		if (typeof entry !== 'object' || entry === null) {
			throw new TariffError('INVALID_NUMBER', `${where} must be a { date, kwh } object`);
		}
		const date = parseDate('date' in entry ? entry.date : undefined, `${where}.date`);
		const kwh = parseKwh('kwh' in entry ? entry.kwh : undefined, `${where}.kwh`);
		return { date, kwh };
	});
	days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

	const months: PeriodMonth[] = [];
	let usage = ZERO;
	let total = ZERO;
	let start = 0;
	while (start < days.length) {
		const month = days[start].date.slice(0, 7);
		let monthUsage = ZERO;
		let end = start;
		for (; end < days.length && days[end].date.startsWith(month); end++) {
			if (end > start && days[end].date === days[end - 1].date) {
				throw new TariffError('DUPLICATE_DATE', `dailyUsage has ${days[end].date} twice`);
			}
			monthUsage = monthUsage.plus(days[end].kwh);
		}
		const rating = rateMonth(versions, tariffClass, month, monthUsage);
		months.push({ ...rating, firstDate: days[start].date, lastDate: days[end - 1].date });
		usage = usage.plus(monthUsage);
		total = total.plus(rating.total);
		start = end;
	}
	return { months, usageKwh: usage, total };
}
