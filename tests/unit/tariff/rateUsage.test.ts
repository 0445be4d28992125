import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
	HOUSEHOLD_2024_05,
	HOUSEHOLD_2025_05,
	rateUsage,
	STOVE_2024_05,
	type Rating
} from '$lib/tariff';

/** Lines as "kWh@price=amount", the shape a person checks a bill by. */
function linesOf(rating: Rating): string[] {
	return rating.lines.map(
		(line) => `${line.kwh.toString()}@${line.pricePerKwh.toString()}=${line.amount.toFixed(2)}`
	);
}

describe('the worked examples published with the tariffs', () => {
	it('bill 300 kWh in 2024 as 200 × 450 + 100 × 900 = 180,000 so’m', () => {
		const rating = rateUsage(HOUSEHOLD_2024_05.blocks, '300');
		expect(linesOf(rating)).toEqual(['200@450=90000.00', '100@900=90000.00']);
		expect(rating.total.toFixed(2)).toBe('180000.00');
	});

	it('bill 500 kWh as 360,000 so’m under both the 2024 and the 2025 prices', () => {
		expect(rateUsage(HOUSEHOLD_2024_05.blocks, '500').total.toFixed(2)).toBe('360000.00');
		expect(rateUsage(HOUSEHOLD_2025_05.blocks, '500').total.toFixed(2)).toBe('360000.00');
	});
});

describe('block boundaries (2025 household prices)', () => {
	const blocks = HOUSEHOLD_2025_05.blocks;
	const cases: Array<[string, string[], string]> = [
		['0', [], '0.00'],
		['199.999', ['199.999@600=119999.40'], '119999.40'],
		['200', ['200@600=120000.00'], '120000.00'],
		['200.001', ['200@600=120000.00', '0.001@800=0.80'], '120000.80'],
		['499.999', ['200@600=120000.00', '299.999@800=239999.20'], '359999.20'],
		['500', ['200@600=120000.00', '300@800=240000.00'], '360000.00'],
		['500.001', ['200@600=120000.00', '300@800=240000.00', '0.001@1000=1.00'], '360001.00'],
		['999.999', ['200@600=120000.00', '300@800=240000.00', '499.999@1000=499999.00'], '859999.00'],
		['1000', ['200@600=120000.00', '300@800=240000.00', '500@1000=500000.00'], '860000.00'],
		[
			'1000.001',
			['200@600=120000.00', '300@800=240000.00', '500@1000=500000.00', '0.001@1500=1.50'],
			'860001.50'
		],
		[
			'4999.999',
			['200@600=120000.00', '300@800=240000.00', '500@1000=500000.00', '3999.999@1500=5999998.50'],
			'6859998.50'
		],
		[
			'5000',
			['200@600=120000.00', '300@800=240000.00', '500@1000=500000.00', '4000@1500=6000000.00'],
			'6860000.00'
		],
		[
			'5000.001',
			[
				'200@600=120000.00',
				'300@800=240000.00',
				'500@1000=500000.00',
				'4000@1500=6000000.00',
				'0.001@1750=1.75'
			],
			'6860001.75'
		],
		[
			'9999.999',
			[
				'200@600=120000.00',
				'300@800=240000.00',
				'500@1000=500000.00',
				'4000@1500=6000000.00',
				'4999.999@1750=8749998.25'
			],
			'15609998.25'
		],
		[
			'10000',
			[
				'200@600=120000.00',
				'300@800=240000.00',
				'500@1000=500000.00',
				'4000@1500=6000000.00',
				'5000@1750=8750000.00'
			],
			'15610000.00'
		],
		[
			'10000.001',
			[
				'200@600=120000.00',
				'300@800=240000.00',
				'500@1000=500000.00',
				'4000@1500=6000000.00',
				'5000@1750=8750000.00',
				'0.001@2000=2.00'
			],
			'15610002.00'
		]
	];

	it.each(cases)('bill %s kWh block by block', (usage, lines, total) => {
		const rating = rateUsage(blocks, usage);
		expect(linesOf(rating)).toEqual(lines);
		expect(rating.total.toFixed(2)).toBe(total);
	});
});

describe('a rating', () => {
	it('bills no usage as zero with no lines', () => {
		const rating = rateUsage(HOUSEHOLD_2024_05.blocks, 0);
		expect(rating.lines).toEqual([]);
		expect(rating.total.isZero()).toBe(true);
	});

	it('lists a line only for the blocks that hold usage', () => {
		const rating = rateUsage(HOUSEHOLD_2025_05.blocks, '350');
		expect(rating.lines.map((line) => [line.fromKwh.toString(), line.toKwh?.toString()])).toEqual([
			['0', '200'],
			['200', '500']
		]);
	});

	it('gives the open last block no upper bound', () => {
		const rating = rateUsage(HOUSEHOLD_2024_05.blocks, '12000');
		expect(rating.lines.at(-1)?.toKwh).toBeNull();
		expect(rating.lines.at(-1)?.fromKwh.toString()).toBe('10000');
	});

	it('rounds each line half-up to the tiyin before adding them', () => {
		// 0.001 kWh × 787.5 = 0.7875 so'm, a line of 0.79; 5000.001 kWh on the stove tariff.
		const rating = rateUsage(STOVE_2024_05.blocks, '5000.001');
		expect(rating.lines.at(-1)?.amount.toFixed(2)).toBe('0.79');
		expect(rating.total.toFixed(2)).toBe('3105000.79');
		// 0.002 kWh × 787.5 = 1.575 → 1.58 (a tie rounds up).
		expect(rateUsage(STOVE_2024_05.blocks, '5000.002').lines.at(-1)?.amount.toFixed(2)).toBe(
			'1.58'
		);
	});

	it('accepts usage as a string, a number or a Decimal alike', () => {
		const fromString = rateUsage(HOUSEHOLD_2025_05.blocks, '1234.5');
		expect(rateUsage(HOUSEHOLD_2025_05.blocks, 1234.5).total.eq(fromString.total)).toBe(true);
		expect(
			rateUsage(HOUSEHOLD_2025_05.blocks, new Decimal('1234.500')).total.eq(fromString.total)
		).toBe(true);
	});

	it('returns Decimals, never floats', () => {
		const rating = rateUsage(HOUSEHOLD_2025_05.blocks, '1234.567');
		expect(Decimal.isDecimal(rating.total)).toBe(true);
		expect(rating.lines.every((line) => Decimal.isDecimal(line.amount))).toBe(true);
	});

	it('is not changed by someone else changing the global Decimal settings', () => {
		const before = rateUsage(STOVE_2024_05.blocks, '9999.999').total.toFixed(2);
		const saved = { precision: Decimal.precision, rounding: Decimal.rounding };
		try {
			Decimal.set({ precision: 3, rounding: Decimal.ROUND_DOWN });
			expect(rateUsage(STOVE_2024_05.blocks, '9999.999').total.toFixed(2)).toBe(before);
		} finally {
			Decimal.set(saved);
		}
	});

	it('cannot be corrupted by changing a line it shares with other ratings', () => {
		const first = rateUsage(HOUSEHOLD_2025_05.blocks, '300');
		expect(() => {
			(first.lines[0] as { amount: Decimal }).amount = new Decimal(1);
		}).toThrow(TypeError);
		expect(rateUsage(HOUSEHOLD_2025_05.blocks, '300').lines[0].amount.toFixed(2)).toBe('120000.00');
	});
});
