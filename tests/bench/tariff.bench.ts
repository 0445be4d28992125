/**
 * Ratings per second of the decimal path (`rateUsage`, usage as a kWh string as it comes from the
 * database or a sync payload) and the integer path (`rateUsageTiyin`, usage in Wh), on 1,000,000
 * usages from 0 to 12,000 kWh with 3 decimals, drawn from a seeded PRNG so every run rates the
 * same numbers. Rated with HOUSEHOLD_2025_05, the version with the most blocks.
 *
 * Each path is judged against plain arithmetic of its kind over the same usages, measured in the
 * same run (baseline.ts). The targets were 400,000 and 20 million ratings/s on the reference
 * machine (1.35 M raw inserts/s), where the baselines ran at about 0.70 and 614 times the raw
 * insert rate (measured side by side here): 945,000 decimal and 829 million integer operations/s.
 */
import {
	compileBlocks,
	HOUSEHOLD_2025_05,
	rateUsage,
	rateUsageTiyin
} from '../../src/lib/tariff/index';
import { decimalOpsPerSecond, integerOpsPerSecond, judge } from './baseline';

const COUNT = 1_000_000;
const SEED = 20250501;
const TARGET_DECIMAL_RATIO = 400_000 / 945_000;
const TARGET_INTEGER_RATIO = 20_000_000 / 829_000_000;
/** Timed passes over the usages; the median pass is reported. The integer path needs more
 * passes because one takes only some milliseconds. */
const DECIMAL_PASSES = 3;
const INTEGER_PASSES = 20;

/** mulberry32: a small, well-known seeded PRNG. */
function prng(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function usages(): { kwh: string[]; wh: Float64Array } {
	const random = prng(SEED);
	const kwh: string[] = new Array<string>(COUNT);
	const wh = new Float64Array(COUNT);
	for (let i = 0; i < COUNT; i++) {
		const w = Math.floor(random() * 12_000_001);
		const fraction = w % 1000;
		wh[i] = w;
		kwh[i] = `${(w - fraction) / 1000}.${String(fraction).padStart(3, '0')}`;
	}
	return { kwh, wh };
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

function format(perSecond: number): string {
	return Math.round(perSecond).toLocaleString('en-US');
}

export async function run(): Promise<boolean> {
	const { kwh, wh } = usages();
	const blocks = HOUSEHOLD_2025_05.blocks;
	const compiled = compileBlocks(blocks);

	// Warm up both paths so the JIT has compiled them before the clock starts.
	for (let i = 0; i < 100_000; i++) {
		rateUsage(blocks, kwh[i]);
		rateUsageTiyin(compiled, wh[i]);
	}

	let decimalTiyin = 0;
	let started = performance.now();
	for (let i = 0; i < COUNT; i++) {
		decimalTiyin += Number(rateUsage(blocks, kwh[i]).total.toFixed(2).replace('.', ''));
	}
	const decimalSeconds = (performance.now() - started) / 1000;

	// Converting each total for the checksum above is not rating; the reported figures time the
	// ratings alone.
	let sink = 0;
	const decimalSecondsPerPass: number[] = [];
	for (let pass = 0; pass < DECIMAL_PASSES; pass++) {
		started = performance.now();
		for (let i = 0; i < COUNT; i++) sink += rateUsage(blocks, kwh[i]).lines.length;
		decimalSecondsPerPass.push((performance.now() - started) / 1000);
	}
	const decimalPerSecond = COUNT / median(decimalSecondsPerPass);

	let integerTiyin = 0;
	const integerSecondsPerPass: number[] = [];
	for (let pass = 0; pass < INTEGER_PASSES; pass++) {
		let sum = 0;
		started = performance.now();
		for (let i = 0; i < COUNT; i++) sum += rateUsageTiyin(compiled, wh[i]);
		integerSecondsPerPass.push((performance.now() - started) / 1000);
		integerTiyin = sum;
	}
	const integerPerSecond = COUNT / median(integerSecondsPerPass);

	const agree = decimalTiyin === integerTiyin && sink > 0;
	const decimalOk = judge(
		`tariff decimal path [median of ${DECIMAL_PASSES} passes; checksum pass ${decimalSeconds.toFixed(2)} s]`,
		decimalPerSecond,
		'ratings/s',
		decimalOpsPerSecond(kwh),
		'plain decimal.js multiply-and-round/s',
		TARGET_DECIMAL_RATIO
	);
	const integerOk = judge(
		`tariff integer path [median of ${INTEGER_PASSES} passes]`,
		integerPerSecond,
		'ratings/s',
		integerOpsPerSecond(wh),
		'plain integer multiply-and-round/s',
		TARGET_INTEGER_RATIO
	);
	console.log(`tariff integer/decimal: ${(integerPerSecond / decimalPerSecond).toFixed(1)}×`);
	console.log(
		`tariff paths agree on the sum of ${format(COUNT)} totals: ${agree ? 'PASS' : 'FAIL'} ` +
			`(${format(integerTiyin)} tiyin)`
	);
	return decimalOk && integerOk && agree;
}
