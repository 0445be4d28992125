/**
 * Property tests run with a fixed seed, so every run checks the same cases. To replay a failure,
 * or to explore new cases, set the seed fast-check prints:
 *   TARIFF_FC_SEED=<seed> npx vitest run --project unit tests/unit/tariff
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	compileBlocks,
	HOUSEHOLD_2024_05,
	HOUSEHOLD_2025_05,
	parseTariffBlocks,
	parseTariffVersion,
	rateMonth,
	rateUsage,
	STOVE_2024_05,
	TARIFF_VERSIONS,
	TariffError,
	validateTariffVersions,
	type TariffBlock,
	type TariffVersion
} from '$lib/tariff';

const FC = { seed: Number(process.env.TARIFF_FC_SEED ?? 20250501), numRuns: 500 };

function refusal(action: () => unknown): TariffError {
	try {
		action();
	} catch (error) {
		expect(error).toBeInstanceOf(TariffError);
		return error as TariffError;
	}
	expect.fail('expected a TariffError, but nothing was thrown');
}

function aVersion(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		id: 'HOUSEHOLD_2026_05',
		tariffClass: 'household',
		effectiveFrom: '2026-05-01',
		blocks: [
			{ upToKwh: '200', pricePerKwh: '650' },
			{ upToKwh: '500', pricePerKwh: '850' },
			{ upToKwh: null, pricePerKwh: '1100' }
		],
		...overrides
	};
}

function withBlocks(...blocks: Array<[unknown, unknown]>): Record<string, unknown> {
	return aVersion({ blocks: blocks.map(([upToKwh, pricePerKwh]) => ({ upToKwh, pricePerKwh })) });
}

describe('a valid tariff version', () => {
	it.each(TARIFF_VERSIONS.map((version) => [version.id, version] as const))(
		'%s, as published, is accepted unchanged',
		(_, version) => {
			expect(parseTariffVersion(version)).toEqual(version);
		}
	);

	it('is returned frozen, without keys the module does not know', () => {
		const row = { ...aVersion(), createdAt: '2026-04-01T10:00:00Z' };
		const version = parseTariffVersion(row);
		expect(version).toEqual(aVersion());
		expect(Object.isFrozen(version)).toBe(true);
		expect(Object.isFrozen(version.blocks)).toBe(true);
		expect(Object.isFrozen(version.blocks[0])).toBe(true);
	});

	it('may have a single open block, a free block and prices to the tiyin', () => {
		expect(parseTariffVersion(withBlocks([null, '0'])).blocks).toHaveLength(1);
		expect(parseTariffVersion(withBlocks(['0.001', '0.01'], [null, '787.5'])).blocks).toHaveLength(
			2
		);
	});

	it('can be added by an operator and then rates the months from its first day', () => {
		const versions = validateTariffVersions([...TARIFF_VERSIONS, aVersion()]);
		expect(rateMonth(versions, 'household', '2026-05', '300').total.toFixed(2)).toBe('215000.00');
		expect(rateMonth(versions, 'household', '2026-04', '300').total.toFixed(2)).toBe('200000.00');
	});
});

describe('an invalid tariff version is refused with a message naming the problem', () => {
	const cases: Array<[string, unknown, RegExp]> = [
		['not an object', 'HOUSEHOLD', /expected object/],
		['no blocks', aVersion({ blocks: [] }), /blocks: must have at least one block/],
		['blocks missing', aVersion({ blocks: undefined }), /blocks: must be a list of blocks/],
		[
			'blocks out of order',
			withBlocks(['500', '1'], ['200', '2'], [null, '3']),
			/blocks\[1\]\.upToKwh: blocks must be in ascending order: "200" kWh follows "500" kWh/
		],
		[
			'two blocks with the same bound',
			withBlocks(['200', '1'], ['200.000', '2'], [null, '3']),
			/blocks\[1\]\.upToKwh: blocks must be in ascending order/
		],
		[
			'a closed last block',
			withBlocks(['200', '1'], ['500', '2']),
			/blocks\[1\]\.upToKwh: the last block must be open \(upToKwh null\), got "500"/
		],
		[
			'an open block before the last',
			withBlocks([null, '1'], ['500', '2'], [null, '3']),
			/blocks\[0\]\.upToKwh: only the last block may be open/
		],
		[
			'a negative price',
			withBlocks(['200', '-450'], [null, '900']),
			/blocks\[0\]\.pricePerKwh: must be a non-negative decimal of so'm with at most 2 decimals/
		],
		['a price below the tiyin', withBlocks(['200', '450.001'], [null, '900']), /pricePerKwh/],
		[
			'a price as a float',
			withBlocks(['200', 450], [null, '900']),
			/pricePerKwh: must be a decimal string/
		],
		['a price in exponent form', withBlocks(['200', '4.5e2'], [null, '900']), /pricePerKwh/],
		['a price with a comma', withBlocks(['200', '787,5'], [null, '900']), /pricePerKwh/],
		['an absurd price', withBlocks(['200', '1000000000'], [null, '900']), /must be less than/],
		[
			'a bound below the watt-hour',
			withBlocks(['200.0001', '1'], [null, '2']),
			/at most 3 decimals/
		],
		['a bound of zero', withBlocks(['0', '1'], [null, '2']), /must be more than 0 kWh/],
		['a negative bound', withBlocks(['-200', '1'], [null, '2']), /blocks\[0\]\.upToKwh/],
		[
			'a bound as a number',
			withBlocks([200, '1'], [null, '2']),
			/upToKwh: must be a decimal string/
		],
		[
			'an id in small letters',
			aVersion({ id: 'household_2026' }),
			/^tariff version household_2026 is invalid: id: must be capital/
		],
		[
			'no id',
			aVersion({ id: undefined }),
			/^tariff version \(without an id\) is invalid: id: must be a string/
		],
		[
			'a class in capitals',
			aVersion({ tariffClass: 'Household' }),
			/tariffClass: must be small letters/
		],
		[
			'a 29 February in a common year',
			aVersion({ effectiveFrom: '2027-02-29' }),
			/effectiveFrom: must be a calendar date/
		],
		['a thirteenth month', aVersion({ effectiveFrom: '2026-13-01' }), /effectiveFrom/],
		['a date written the local way', aVersion({ effectiveFrom: '01.05.2026' }), /effectiveFrom/],
		['a date and time', aVersion({ effectiveFrom: '2026-05-01T00:00:00Z' }), /effectiveFrom/]
	];

	it.each(cases)('%s', (_, input, message) => {
		const error = refusal(() => parseTariffVersion(input));
		expect(error.code).toBe('INVALID_TARIFF');
		expect(error.message).toMatch(message);
	});

	it('names every problem at once', () => {
		const error = refusal(() =>
			parseTariffVersion(
				aVersion({ tariffClass: 'X', blocks: [{ upToKwh: '1', pricePerKwh: 'x' }] })
			)
		);
		expect(error.message).toMatch(
			/tariffClass: .*; blocks\[0\]\.pricePerKwh: .*; blocks\[0\]\.upToKwh: the last block must be open/
		);
	});
});

describe('a list of tariff versions', () => {
	it('is accepted as published', () => {
		expect(validateTariffVersions(TARIFF_VERSIONS).map((version) => version.id)).toEqual([
			'HOUSEHOLD_2024_05',
			'HOUSEHOLD_2025_05',
			'STOVE_2024_05'
		]);
	});

	it('is refused when two versions of a class start the same day', () => {
		const error = refusal(() =>
			validateTariffVersions([
				...TARIFF_VERSIONS,
				aVersion({ id: 'X', effectiveFrom: '2025-05-01' })
			])
		);
		expect(error.code).toBe('INVALID_TARIFF');
		expect(error.message).toBe(
			'tariff versions HOUSEHOLD_2025_05 and X are both household from 2025-05-01'
		);
	});

	it('may have versions of different classes starting the same day', () => {
		expect(validateTariffVersions([HOUSEHOLD_2024_05, STOVE_2024_05])).toHaveLength(2);
	});

	it('is refused when an id appears twice', () => {
		const copy = { ...STOVE_2024_05, id: 'HOUSEHOLD_2024_05', effectiveFrom: '2030-01-01' };
		expect(() => validateTariffVersions([...TARIFF_VERSIONS, copy])).toThrow(
			'tariff version id HOUSEHOLD_2024_05 appears twice'
		);
	});

	it('is refused naming the position of an invalid version', () => {
		expect(() =>
			validateTariffVersions([HOUSEHOLD_2024_05, aVersion({ effectiveFrom: 'soon' })])
		).toThrow(/^versions\[1\]: tariff version HOUSEHOLD_2026_05 is invalid: effectiveFrom/);
	});

	it('is refused when it is not a list', () => {
		expect(() => validateTariffVersions(HOUSEHOLD_2025_05)).toThrow(
			'tariff versions must be a list'
		);
	});
});

describe('blocks given straight to the rating functions', () => {
	it('are checked too', () => {
		const descending: TariffBlock[] = [
			{ upToKwh: '500', pricePerKwh: '1' },
			{ upToKwh: '200', pricePerKwh: '2' },
			{ upToKwh: null, pricePerKwh: '3' }
		];
		for (const action of [
			() => rateUsage(descending, '1'),
			() => compileBlocks(descending),
			() => parseTariffBlocks(descending)
		]) {
			const error = refusal(action);
			expect(error.code).toBe('INVALID_TARIFF');
			expect(error.message).toMatch(
				/^tariff blocks are invalid: blocks\[1\]\.upToKwh: blocks must be in ascending order/
			);
		}
	});

	it('are refused when they are not a list', () => {
		expect(() => rateUsage(null as unknown as TariffBlock[], '1')).toThrow(TariffError);
	});
});

// ---- properties ---------------------------------------------------------------------------

const kwhText = (wh: number) => new Decimal(wh).div(1000).toString();
const somText = (tiyin: number) => new Decimal(tiyin).div(100).toString();

const validBlocks: fc.Arbitrary<TariffBlock[]> = fc
	.uniqueArray(fc.integer({ min: 1, max: 50_000_000 }), { maxLength: 7 })
	.chain((bounds) =>
		fc
			.array(fc.integer({ min: 0, max: 5_000_000 }), {
				minLength: bounds.length + 1,
				maxLength: bounds.length + 1
			})
			.map((prices) => [
				...[...bounds]
					.sort((a, b) => a - b)
					.map((wh, index) => ({ upToKwh: kwhText(wh), pricePerKwh: somText(prices[index]) })),
				{ upToKwh: null, pricePerKwh: somText(prices[bounds.length]) }
			])
	);

const validVersion: fc.Arbitrary<TariffVersion> = fc.record({
	id: fc.stringMatching(/^[A-Z][A-Z0-9_]{0,20}$/),
	tariffClass: fc.constantFrom('household', 'stove', 'business_2'),
	effectiveFrom: fc
		.date({
			min: new Date('2000-01-01T00:00:00Z'),
			max: new Date('2099-12-31T00:00:00Z'),
			noInvalidDate: true
		})
		.map((date) => date.toISOString().slice(0, 10)),
	blocks: validBlocks
});

type Mutable = { [key: string]: unknown; blocks: Array<Record<string, unknown>> };

/** Ways to break a valid version; each must be refused whatever version it is applied to. */
const breakages: Array<[string, (version: Mutable) => void]> = [
	['no blocks', (v) => (v.blocks = [])],
	['a closed last block', (v) => (v.blocks[v.blocks.length - 1].upToKwh = '99999999')],
	[
		'an open first block before others',
		(v) => v.blocks.unshift({ upToKwh: null, pricePerKwh: '1' })
	],
	[
		'a repeated bound',
		(v) =>
			v.blocks.unshift({ upToKwh: '0.5', pricePerKwh: '1' }, { upToKwh: '0.5', pricePerKwh: '1' })
	],
	[
		'descending bounds',
		(v) => v.blocks.unshift({ upToKwh: '2', pricePerKwh: '1' }, { upToKwh: '1', pricePerKwh: '1' })
	],
	['a negative price', (v) => (v.blocks[0].pricePerKwh = `-${String(v.blocks[0].pricePerKwh)}1`)],
	['a price below the tiyin', (v) => (v.blocks[0].pricePerKwh = '0.001')],
	['a price as a number', (v) => (v.blocks[0].pricePerKwh = 1)],
	['a price in exponent form', (v) => (v.blocks[0].pricePerKwh = '1e2')],
	['a bound below the watt-hour', (v) => v.blocks.unshift({ upToKwh: '0.0001', pricePerKwh: '1' })],
	['a zero bound', (v) => v.blocks.unshift({ upToKwh: '0', pricePerKwh: '1' })],
	['a bound as a number', (v) => v.blocks.unshift({ upToKwh: 0.5, pricePerKwh: '1' })],
	['an empty id', (v) => (v.id = '')],
	['an id in small letters', (v) => (v.id = String(v.id).toLowerCase() + 'x')],
	['a class in capitals', (v) => (v.tariffClass = 'HOUSEHOLD')],
	['a missing class', (v) => delete v.tariffClass],
	['an impossible date', (v) => (v.effectiveFrom = `${String(v.effectiveFrom).slice(0, 8)}32`)],
	['a month-only date', (v) => (v.effectiveFrom = String(v.effectiveFrom).slice(0, 7))],
	['a date as a Date', (v) => (v.effectiveFrom = new Date(0))],
	['blocks as an object', (v) => (v.blocks = { 0: v.blocks[0] } as unknown as Mutable['blocks'])]
];

describe('validation, over random versions', () => {
	it('accepts every well-formed version', () => {
		fc.assert(
			fc.property(validVersion, (version) => {
				expect(parseTariffVersion(version)).toEqual(version);
			}),
			FC
		);
	});

	it('refuses every version broken in any one way', () => {
		fc.assert(
			fc.property(validVersion, fc.constantFrom(...breakages), (version, [, breakIt]) => {
				const broken = structuredClone(version) as unknown as Mutable;
				breakIt(broken);
				expect(refusal(() => parseTariffVersion(broken)).code).toBe('INVALID_TARIFF');
			}),
			FC
		);
	});

	it('refuses a list holding the same class and start date twice', () => {
		fc.assert(
			fc.property(validVersion, validBlocks, (version, otherBlocks) => {
				const twin = { ...version, id: `${version.id}_B`, blocks: otherBlocks };
				expect(refusal(() => validateTariffVersions([version, twin])).message).toMatch(
					/are both .* from \d{4}-\d{2}-\d{2}$/
				);
			}),
			FC
		);
	});
});
