import { addMonths, daysBetween, lastDayOf } from '../dates';

/**
 * A month's usage from cumulative meter readings: the register at the end of the month's last
 * day minus the register at the end of the previous month's last day. A reading dated D is the
 * register at the end of day D.
 *
 * A missing edge reading is interpolated linearly, by days, between the nearest readings before
 * and after the edge (rounded half-up to 1 Wh) and the month is marked estimated. A meter
 * replaced within the month contributes from its own window: the old meter up to its final
 * reading on `removedOn`, the new one from its initial reading on `installedOn`; those two
 * readings are never interpolated (there is nothing on the far side of them to interpolate
 * from), so a month without them cannot be billed yet.
 */

export interface MeterReading {
	readonly date: string;
	readonly valueWh: number;
}

export interface MeterHistory {
	readonly serial: string;
	readonly installedOn: string;
	readonly removedOn: string | null;
	/**
	 * Sorted by date, one per day. All of the meter's readings will do; the billing run passes
	 * only the ones nearest each edge of the month, which give the same result.
	 */
	readonly readings: readonly MeterReading[];
}

export interface EdgeValue {
	readonly date: string;
	readonly valueWh: number;
	readonly estimated: boolean;
}

export interface MeterUsage {
	readonly serial: string;
	readonly from: EdgeValue;
	readonly to: EdgeValue;
	readonly usageWh: number;
}

export type UsageProblem =
	/** No meter was installed on the account during the month. */
	| 'no_meter'
	/** Nothing on or before the edge to start from. */
	| 'no_reading_before'
	/** Nothing on or after the edge yet: the month cannot be closed until a reading arrives. */
	| 'waiting_for_reading'
	/** A meter installed within the month has no reading on its installation day. */
	| 'no_initial_reading'
	/** A meter removed within the month has no reading on its removal day. */
	| 'no_final_reading'
	/** The readings go down over the month. */
	| 'negative_usage';

export type MonthlyUsage =
	| {
			readonly ok: true;
			readonly month: string;
			readonly usageWh: number;
			/** True when any edge value was interpolated. */
			readonly estimated: boolean;
			readonly meters: readonly MeterUsage[];
	  }
	| {
			readonly ok: false;
			readonly month: string;
			readonly problem: UsageProblem;
			readonly detail: string;
	  };

export interface MonthEdges {
	readonly month: string;
	/** The previous month's last day. */
	readonly previousEnd: string;
	/** The month's last day. */
	readonly end: string;
}

// A billing run asks for the same month's edges a million times.
let lastEdges: MonthEdges | undefined;

/** The two edges of a month: the previous month's last day and the month's own last day. */
export function monthEdges(month: string): MonthEdges {
	if (lastEdges?.month !== month) {
		lastEdges = Object.freeze({
			month,
			previousEnd: lastDayOf(addMonths(month, -1)),
			end: lastDayOf(month)
		});
	}
	return lastEdges;
}

/** The part of the month a meter measured, or null when it was not installed in the month. */
export function meterWindow(
	meter: Pick<MeterHistory, 'installedOn' | 'removedOn'>,
	month: string
): { from: string; to: string; fromInstall: boolean; toRemoval: boolean } | null {
	const { previousEnd, end } = monthEdges(month);
	if (meter.installedOn > end) return null;
	if (meter.removedOn !== null && meter.removedOn <= previousEnd) return null;
	const fromInstall = meter.installedOn >= previousEnd;
	const toRemoval = meter.removedOn !== null && meter.removedOn <= end;
	return {
		from: fromInstall ? meter.installedOn : previousEnd,
		to: toRemoval ? (meter.removedOn as string) : end,
		fromInstall,
		toRemoval
	};
}

function floorDiv(n: bigint, d: bigint): bigint {
	const q = n / d;
	return n % d !== 0n && n < 0n !== d < 0n ? q - 1n : q;
}

/** round(a + (b − a) × part / whole), half-up, exactly (BigInt: registers × days can pass 2^53). */
export function interpolateWh(a: number, b: number, part: number, whole: number): number {
	const scaled = BigInt(b - a) * BigInt(part);
	const d = BigInt(whole);
	return a + Number(floorDiv(2n * scaled + d, 2n * d));
}

type Lookup = { ok: true; value: EdgeValue } | { ok: false; problem: UsageProblem; detail: string };

/** The register at the end of `date`: the reading of that day, or one interpolated between neighbours. */
export function valueOn(
	readings: readonly MeterReading[],
	date: string,
	serial = 'the meter'
): Lookup {
	let before: MeterReading | undefined;
	let after: MeterReading | undefined;
	for (const r of readings) {
		if (r.date === date) return { ok: true, value: { date, valueWh: r.valueWh, estimated: false } };
		if (r.date < date) before = r;
		else {
			after = r;
			break;
		}
	}
	if (!after) {
		return {
			ok: false,
			problem: 'waiting_for_reading',
			detail: `no reading of ${serial} on or after ${date} yet`
		};
	}
	if (!before) {
		return {
			ok: false,
			problem: 'no_reading_before',
			detail: `no reading of ${serial} on or before ${date}`
		};
	}
	const valueWh = interpolateWh(
		before.valueWh,
		after.valueWh,
		daysBetween(before.date, date),
		daysBetween(before.date, after.date)
	);
	return { ok: true, value: { date, valueWh, estimated: true } };
}

function exactOn(readings: readonly MeterReading[], date: string): EdgeValue | null {
	for (const r of readings)
		if (r.date === date) return { date, valueWh: r.valueWh, estimated: false };
	return null;
}

/** The usage of `month` on an account whose meters (current and past) are `meters`. */
export function monthlyUsage(month: string, meters: readonly MeterHistory[]): MonthlyUsage {
	const used: MeterUsage[] = [];
	let usageWh = 0;
	let estimated = false;
	const ordered =
		meters.length < 2
			? meters
			: [...meters].sort((a, b) =>
					a.installedOn < b.installedOn ? -1 : a.installedOn > b.installedOn ? 1 : 0
				);
	for (const meter of ordered) {
		const window = meterWindow(meter, month);
		if (!window) continue;
		let from: EdgeValue;
		if (window.fromInstall) {
			const initial = exactOn(meter.readings, window.from);
			if (!initial) {
				return {
					ok: false,
					month,
					problem: 'no_initial_reading',
					detail: `${meter.serial} was installed on ${window.from} without an initial reading`
				};
			}
			from = initial;
		} else {
			const start = valueOn(meter.readings, window.from, meter.serial);
			if (!start.ok) return { ok: false, month, problem: start.problem, detail: start.detail };
			from = start.value;
		}
		let to: EdgeValue;
		if (window.toRemoval) {
			const final = exactOn(meter.readings, window.to);
			if (!final) {
				return {
					ok: false,
					month,
					problem: 'no_final_reading',
					detail: `${meter.serial} was removed on ${window.to} without a final reading`
				};
			}
			to = final;
		} else {
			const end = valueOn(meter.readings, window.to, meter.serial);
			if (!end.ok) return { ok: false, month, problem: end.problem, detail: end.detail };
			to = end.value;
		}
		const meterWh = to.valueWh - from.valueWh;
		if (meterWh < 0) {
			return {
				ok: false,
				month,
				problem: 'negative_usage',
				detail: `${meter.serial} reads ${to.valueWh} Wh on ${to.date}, below ${from.valueWh} Wh on ${from.date}`
			};
		}
		used.push({ serial: meter.serial, from, to, usageWh: meterWh });
		usageWh += meterWh;
		estimated ||= from.estimated || to.estimated;
	}
	if (used.length === 0) {
		return { ok: false, month, problem: 'no_meter', detail: `no meter was installed in ${month}` };
	}
	return { ok: true, month, usageWh, estimated, meters: used };
}
