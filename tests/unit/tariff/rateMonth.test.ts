import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
	HOUSEHOLD_2025_05,
	rateMonth,
	TARIFF_VERSIONS,
	TariffError,
	type MonthRating,
	type TariffBlock,
	type TariffVersion
} from '$lib/tariff';

function aVersion(overrides: Partial<TariffVersion> = {}): TariffVersion {
	return {
		id: 'TEST_2030_01',
		tariffClass: 'household',
		effectiveFrom: '2030-01-01',
		blocks: [
			{ upToKwh: '200', pricePerKwh: '500' },
			{ upToKwh: null, pricePerKwh: '1000' }
		],
		...overrides
	};
}

function blocks(...pairs: Array<[string | null, string]>): TariffBlock[] {
	return pairs.map(([upToKwh, pricePerKwh]) => ({ upToKwh, pricePerKwh }));
}

function linesOf(rating: MonthRating): string[] {
	return rating.lines.map(
		(line) =>
			`${line.versionId} ${line.fromKwh.toString()}–${line.toKwh?.toString() ?? '∞'}: ` +
			`${line.kwh.toString()}@${line.pricePerKwh.toString()}=${line.amount.toFixed(2)}`
	);
}

function sumOf(values: readonly Decimal[]): Decimal {
	return values.reduce((sum, value) => sum.plus(value), new Decimal(0));
}

describe('a month rated with one version', () => {
	it('is one part covering every day of the month', () => {
		const rating = rateMonth(TARIFF_VERSIONS, 'household', '2025-06', '300');
		expect(rating.parts).toHaveLength(1);
		expect(rating.parts[0]).toMatchObject({
			versionId: 'HOUSEHOLD_2025_05',
			fromDate: '2025-06-01',
			toDate: '2025-06-30',
			days: 30
		});
		expect(rating.parts[0].usageKwh.toString()).toBe('300');
	});

	it('is rated with the version that starts on its first day', () => {
		const rating = rateMonth(TARIFF_VERSIONS, 'household', '2025-05', '0');
		expect(rating.parts.map((part) => part.versionId)).toEqual(['HOUSEHOLD_2025_05']);
		expect(rating.total.isZero()).toBe(true);
	});

	it('is rated for stoves with the stove tariff', () => {
		const rating = rateMonth(TARIFF_VERSIONS, 'stove', '2025-01', '300');
		expect(rating.parts.map((part) => part.versionId)).toEqual(['STOVE_2024_05']);
		expect(rating.total.toFixed(2)).toBe('90000.00');
	});
});

describe('a month in which a new version starts', () => {
	const HOUSEHOLD_2026_05 = aVersion({
		id: 'HOUSEHOLD_2026_05',
		effectiveFrom: '2026-05-16',
		blocks: blocks(['200', '700'], [null, '1000'])
	});
	const versions = [...TARIFF_VERSIONS, HOUSEHOLD_2026_05];

	it('is split by days between the old and the new version', () => {
		const rating = rateMonth(versions, 'household', '2026-05', '310');
		expect(
			rating.parts.map(({ versionId, fromDate, toDate, days }) => ({
				versionId,
				fromDate,
				toDate,
				days
			}))
		).toEqual([
			{ versionId: 'HOUSEHOLD_2025_05', fromDate: '2026-05-01', toDate: '2026-05-15', days: 15 },
			{ versionId: 'HOUSEHOLD_2026_05', fromDate: '2026-05-16', toDate: '2026-05-31', days: 16 }
		]);
	});

	it('shares the usage and the block widths pro rata by days, to the watt-hour', () => {
		// 310 kWh × 15/31 = 150; the social norm 200 × 15/31 = 96.774 (rounded), the rest 103.226.
		const rating = rateMonth(versions, 'household', '2026-05', '310');
		expect(rating.parts.map((part) => part.usageKwh.toString())).toEqual(['150', '160']);
		expect(linesOf(rating)).toEqual([
			'HOUSEHOLD_2025_05 0–96.774: 96.774@600=58064.40',
			'HOUSEHOLD_2025_05 96.774–241.935: 53.226@800=42580.80',
			'HOUSEHOLD_2026_05 0–103.226: 103.226@700=72258.20',
			'HOUSEHOLD_2026_05 103.226–∞: 56.774@1000=56774.00'
		]);
		expect(rating.parts.map((part) => part.rating.total.toFixed(2))).toEqual([
			'100645.20',
			'129032.20'
		]);
		expect(rating.total.toFixed(2)).toBe('229677.40');
	});

	it('keeps the social norm of the whole month at exactly 200 kWh', () => {
		const rating = rateMonth(versions, 'household', '2026-05', '5000');
		const norms = rating.parts.map((part) => part.rating.lines[0].toKwh ?? new Decimal(0));
		expect(sumOf(norms).toString()).toBe('200');
	});

	it('totals the lines of both parts', () => {
		const rating = rateMonth(versions, 'household', '2026-05', '12345.678');
		expect(rating.total.eq(sumOf(rating.lines.map((line) => line.amount)))).toBe(true);
		expect(rating.total.eq(sumOf(rating.parts.map((part) => part.rating.total)))).toBe(true);
		expect(sumOf(rating.parts.map((part) => part.usageKwh)).toString()).toBe('12345.678');
	});

	it('gives a watt-hour that splits exactly in half to the earlier part (half-up)', () => {
		// April has 30 days; a version from the 16th splits it 15/15.
		const april = [
			...TARIFF_VERSIONS,
			aVersion({ id: 'TEST_2026_04', effectiveFrom: '2026-04-16' })
		];
		const share = (usage: string) =>
			rateMonth(april, 'household', '2026-04', usage).parts.map((part) => part.usageKwh.toString());
		expect(share('0.001')).toEqual(['0.001', '0']);
		expect(share('0.003')).toEqual(['0.002', '0.001']);
		expect(share('0.004')).toEqual(['0.002', '0.002']);
	});

	it('lists no lines for a part that gets no usage', () => {
		const april = [
			...TARIFF_VERSIONS,
			aVersion({ id: 'TEST_2026_04', effectiveFrom: '2026-04-16' })
		];
		const rating = rateMonth(april, 'household', '2026-04', '0.001');
		expect(rating.parts[1].rating.lines).toEqual([]);
		expect(rating.lines.map((line) => line.versionId)).toEqual(['HOUSEHOLD_2025_05']);
	});

	it('leaves the months before it as they were', () => {
		const before = rateMonth(TARIFF_VERSIONS, 'household', '2026-04', '777.7');
		const after = rateMonth(versions, 'household', '2026-04', '777.7');
		expect(after.total.eq(before.total)).toBe(true);
		expect(after.parts.map((part) => part.versionId)).toEqual(['HOUSEHOLD_2025_05']);
	});

	it('rates the next month wholly with the new version', () => {
		const june = rateMonth(versions, 'household', '2026-06', '300');
		expect(june.parts.map((part) => part.versionId)).toEqual(['HOUSEHOLD_2026_05']);
		expect(june.total.toFixed(2)).toBe('240000.00');
	});

	it('can hold three versions, each for its own days', () => {
		const three = [
			aVersion({ id: 'A', effectiveFrom: '2030-01-01' }),
			aVersion({ id: 'B', effectiveFrom: '2030-03-10', blocks: blocks(['100', '1'], [null, '2']) }),
			aVersion({ id: 'C', effectiveFrom: '2030-03-20', blocks: blocks(['300', '3'], [null, '4']) })
		];
		const rating = rateMonth(three, 'household', '2030-03', '1000');
		expect(rating.parts.map((part) => [part.versionId, part.fromDate, part.toDate])).toEqual([
			['A', '2030-03-01', '2030-03-09'],
			['B', '2030-03-10', '2030-03-19'],
			['C', '2030-03-20', '2030-03-31']
		]);
		// Running totals: round(1,000,000 Wh × 9/31) = 290,323; round(× 19/31) = 612,903, so the
		// middle part gets 612,903 − 290,323 = 322,580 Wh and the last the rest.
		expect(rating.parts.map((part) => part.usageKwh.toString())).toEqual([
			'290.323',
			'322.58',
			'387.097'
		]);
	});
});

describe('February', () => {
	const versions = [
		aVersion({
			id: 'A',
			effectiveFrom: '1999-01-01',
			blocks: blocks(['200', '100'], [null, '200'])
		}),
		aVersion({
			id: 'B',
			effectiveFrom: '2024-02-15',
			blocks: blocks(['200', '300'], [null, '400'])
		})
	];

	it('has 29 days in a leap year and 28 otherwise (2000 leap, 2100 not)', () => {
		const days = (month: string) => rateMonth(versions, 'household', month, '1').parts[0].days;
		expect(days('2023-02')).toBe(28);
		expect(days('2000-02')).toBe(29);
		expect(days('2100-02')).toBe(28);
		expect(rateMonth(versions, 'household', '2024-02', '1').parts.map((part) => part.days)).toEqual(
			[14, 15]
		);
	});

	it('shares a leap February by its 29 days', () => {
		// 290 kWh × 14/29 = 140 kWh; the norm 200 × 14/29 = 96.552 (rounded), the rest 103.448.
		const rating = rateMonth(versions, 'household', '2024-02', '290');
		expect(rating.parts.map((part) => part.usageKwh.toString())).toEqual(['140', '150']);
		expect(linesOf(rating)).toEqual([
			'A 0–96.552: 96.552@100=9655.20',
			'A 96.552–∞: 43.448@200=8689.60',
			'B 0–103.448: 103.448@300=31034.40',
			'B 103.448–∞: 46.552@400=18620.80'
		]);
		expect(rating.total.toFixed(2)).toBe('68000.00');
	});
});

describe('a month that cannot be rated', () => {
	it('is refused when it comes before any tariff of the class', () => {
		expect(() => rateMonth(TARIFF_VERSIONS, 'household', '2024-04', '100')).toThrow(
			new TariffError(
				'NO_TARIFF',
				'no household tariff is in force on 2024-04-01: the first household version, HOUSEHOLD_2024_05, starts on 2024-05-01'
			)
		);
	});

	it('is refused when the first version starts after its first day', () => {
		const late = [aVersion({ effectiveFrom: '2030-01-10' })];
		expect(() => rateMonth(late, 'household', '2030-01', '100')).toThrow(/in force on 2030-01-01/);
	});

	it('is refused for a class that has no tariff', () => {
		expect(() => rateMonth(TARIFF_VERSIONS, 'business', '2025-05', '100')).toThrow(
			'there is no tariff version of class "business"'
		);
	});

	it('is refused when the list of versions is invalid', () => {
		const twice = [...TARIFF_VERSIONS, { ...HOUSEHOLD_2025_05, id: 'COPY' }];
		expect(() => rateMonth(twice, 'household', '2025-06', '1')).toThrow(
			/HOUSEHOLD_2025_05 and COPY are both household from 2025-05-01/
		);
	});
});
