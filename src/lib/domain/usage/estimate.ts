import { rateMonth, type MonthRating } from '../../tariff/rateMonth';
import type { TariffVersion } from '../../tariff/versions';
import { addDays, daysBetween, lastDayOf, monthOf } from '../dates';
import { whToKwhText } from '../readings/kwh';
import { interpolateWh, monthEdges, valueOn, type MeterReading } from './monthlyUsage';

/**
 * What a resident sees of the month in progress: the usage so far and its bill block by block,
 * where the month is heading at the pace so far, and how long a prepayment lasts at the recent
 * pace. Pure: the caller passes today's date (in Tashkent), the readings it holds and the balance.
 */

export interface MonthEstimateInput {
	versions: readonly TariffVersion[];
	tariffClass: string;
	/** Today in Tashkent, 'YYYY-MM-DD'; the month shown is today's. */
	today: string;
	/** The previous month's last reading (on its last day, or the latest before it). */
	previousReading: MeterReading | null;
	/** This month's readings so far, in any order; readings of other days are ignored. */
	readings: readonly MeterReading[];
	/** The account's balance: positive is a prepayment. */
	balanceTiyin: number;
	/** How many days "recent" means; 7 unless given. */
	recentDays?: number;
}

export interface MonthEstimate {
	month: string;
	/** The reading the figures run from, and the latest one they run to (null: no reading yet). */
	from: { date: string; valueWh: number; estimated: boolean } | null;
	asOf: string | null;
	usageSoFarWh: number;
	/** The usage so far rated with the month's tariff. */
	soFar: MonthRating;
	soFarTiyin: number;
	/** Whole days from `from` to `asOf`. */
	daysCovered: number;
	/** The month's usage if the rest of it goes as it went so far; null before two readings. */
	projectedUsageWh: number | null;
	projected: MonthRating | null;
	projectedTiyin: number | null;
	/** Use per day over the last `recentDays` days (or as many as there are). */
	recentDailyWh: number | null;
	/** A day's share of a month used at the recent pace, rated with its blocks. */
	recentDailyCostTiyin: number | null;
	/**
	 * Days the prepayment left after this month's usage so far lasts at the recent daily cost;
	 * null when there is no prepayment or no recent use to go by.
	 */
	prepaymentDays: number | null;
}

const toTiyin = (rating: MonthRating) => rating.total.times(100).toNumber();

function rate(input: MonthEstimateInput, month: string, wh: number): MonthRating {
	return rateMonth(input.versions, input.tariffClass, month, whToKwhText(wh));
}

export function estimateMonth(input: MonthEstimateInput): MonthEstimate {
	const month = monthOf(input.today);
	const { previousEnd, end } = monthEdges(month);
	const recentDays = input.recentDays ?? 7;
	const own = input.readings
		.filter((r) => monthOf(r.date) === month && r.date <= input.today)
		.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
	const all =
		input.previousReading && input.previousReading.date <= previousEnd
			? [input.previousReading, ...own]
			: own;

	// Where the month starts: the previous month's last day (interpolated when its reading is
	// older), or, without a reading before the month, the month's first reading.
	let from: MonthEstimate['from'] = null;
	const start = valueOn(all, previousEnd);
	if (start.ok) from = start.value;
	else if (own.length > 0) from = { ...own[0], estimated: false };
	const latest = own[own.length - 1];
	const daysCovered = from && latest ? Math.max(0, daysBetween(from.date, latest.date)) : 0;
	const usageSoFarWh =
		from && latest && daysCovered > 0 ? Math.max(0, latest.valueWh - from.valueWh) : 0;
	const soFar = rate(input, month, usageSoFarWh);
	const soFarTiyin = toTiyin(soFar);

	const estimate: MonthEstimate = {
		month,
		from,
		asOf: latest?.date ?? null,
		usageSoFarWh,
		soFar,
		soFarTiyin,
		daysCovered,
		projectedUsageWh: null,
		projected: null,
		projectedTiyin: null,
		recentDailyWh: null,
		recentDailyCostTiyin: null,
		prepaymentDays: null
	};
	if (!latest || !from || daysCovered === 0) return estimate;

	// The rest of the month at the average so far.
	const projectedUsageWh =
		usageSoFarWh + interpolateWh(0, usageSoFarWh, daysBetween(latest.date, end), daysCovered);
	const projected = rate(input, month, projectedUsageWh);
	estimate.projectedUsageWh = projectedUsageWh;
	estimate.projected = projected;
	estimate.projectedTiyin = toTiyin(projected);

	// The recent pace: from the reading `recentDays` before the latest (interpolated), or from
	// the month's start when there is less history than that.
	const recentFrom = addDays(latest.date, -Math.min(recentDays, daysCovered));
	const back = valueOn(all, recentFrom);
	const recentStart = back.ok ? back.value : from;
	const recentSpan = daysBetween(recentStart.date, latest.date);
	const recentDailyWh = interpolateWh(0, latest.valueWh - recentStart.valueWh, 1, recentSpan);
	estimate.recentDailyWh = recentDailyWh;

	// Blocks are monthly, so a day's cost is a day's share of a whole month at that pace.
	const days = daysBetween(previousEnd, lastDayOf(month));
	const monthAtPace = toTiyin(rate(input, month, recentDailyWh * days));
	const recentDailyCostTiyin = interpolateWh(0, monthAtPace, 1, days);
	estimate.recentDailyCostTiyin = recentDailyCostTiyin;
	if (input.balanceTiyin > 0 && recentDailyCostTiyin > 0) {
		const left = input.balanceTiyin - soFarTiyin;
		estimate.prepaymentDays = left <= 0 ? 0 : Math.floor(left / recentDailyCostTiyin);
	}
	return estimate;
}
