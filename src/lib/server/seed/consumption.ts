import type { Prng } from './prng';

// Relative monthly load in Uzbekistan's climate: electric heating peaks in winter, air
// conditioning makes a smaller summer bump; spring and autumn are the floor.
const SEASON = [1.75, 1.6, 1.2, 0.95, 0.9, 1.05, 1.35, 1.4, 1.05, 0.95, 1.2, 1.65];

export interface ConsumerProfile {
	/** Mean kWh a day in a season-neutral month. */
	baseKwhPerDay: number;
}

/**
 * Most homes use 150–400 kWh a month; a few (larger houses, workshops) far more. Every 150th
 * account is a very large consumer and every 30th a large one, so any demo of 150 accounts or
 * more has both.
 */
export function drawProfile(prng: Prng, index: number): ConsumerProfile {
	const r = index % 150 === 7 ? 0 : index % 30 === 11 ? 0.02 : prng.next();
	let base = 4 + prng.next() * 9; // 120–390 kWh a month
	if (r < 0.006)
		// Above 5,000 kWh a month, and still under the household ceiling of 500 kWh a day
		// (domain/readings/plausibility.ts) in the coldest month, or billing would hold it.
		base = 150 + prng.next() * 90;
	else if (r < 0.04)
		base = 36 + prng.next() * 40; // above 1,000 kWh a month
	else if (r < 0.1) base = 1.5 + prng.next() * 2.5; // small flats, 45–120 kWh
	return { baseKwhPerDay: base };
}

/** One day's use in Wh: seasonal curve times ±35 % noise, rarely a day away (near zero). */
export function dailyWh(profile: ConsumerProfile, monthIndex0: number, prng: Prng): number {
	const away = prng.chance(0.02) ? 0.1 : 1;
	const noise = 0.65 + prng.next() * 0.7;
	return Math.round(profile.baseKwhPerDay * SEASON[monthIndex0] * noise * away * 1000);
}
