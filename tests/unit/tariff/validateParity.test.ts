/**
 * The tariff checks are written by hand (no zod on the phone's first page). They replaced a zod
 * schema, kept here as the reference: on random versions, valid and broken in every way the
 * rules know, both accept the same inputs, return the same data and name the same problems.
 *   TARIFF_FC_SEED=<seed> npx vitest run --project unit tests/unit/tariff/validateParity.test.ts
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isCalendarDate } from '$lib/tariff/calendar';
import { MAX_BLOCK_KWH, MAX_PRICE_PER_KWH, TariffDecimal } from '$lib/tariff/decimal';
import { TariffError } from '$lib/tariff/errors';
import { parseTariffBlocks, parseTariffVersion } from '$lib/tariff/validate';
import type { TariffBlock } from '$lib/tariff/versions';

const FC = { seed: Number(process.env.TARIFF_FC_SEED ?? 20261125), numRuns: 3000 };

const KWH = /^(?:0|[1-9]\d*)(?:\.\d{1,3})?$/;
const SOM = /^(?:0|[1-9]\d*)(?:\.\d{1,2})?$/;
const MAX_BLOCK = new TariffDecimal(MAX_BLOCK_KWH);
const MAX_PRICE = new TariffDecimal(MAX_PRICE_PER_KWH);

const blockSchema = z.object({
	upToKwh: z
		.string({ error: 'must be a decimal string of kWh, or null for the last block' })
		.regex(KWH, 'must be a plain decimal of kWh with at most 3 decimals, like "500"')
		.refine((kwh) => !KWH.test(kwh) || new TariffDecimal(kwh).gt(0), 'must be more than 0 kWh')
		.refine(
			(kwh) => !KWH.test(kwh) || new TariffDecimal(kwh).lte(MAX_BLOCK),
			`must be at most ${MAX_BLOCK_KWH} kWh`
		)
		.nullable(),
	pricePerKwh: z
		.string({ error: "must be a decimal string of so'm" })
		.regex(SOM, 'must be a non-negative decimal of so\'m with at most 2 decimals, like "787.5"')
		.refine(
			(price) => !SOM.test(price) || new TariffDecimal(price).lt(MAX_PRICE),
			`must be less than ${MAX_PRICE_PER_KWH} so'm`
		)
});

function checkBlockOrder(blocks: readonly TariffBlock[], ctx: z.RefinementCtx): void {
	const last = blocks.length - 1;
	let previous: string | null = null;
	blocks.forEach((block, index) => {
		if (typeof block !== 'object' || block === null) return;
		if (block.upToKwh === null) {
			if (index !== last) {
				const message = 'only the last block may be open (upToKwh null)';
				ctx.addIssue({ code: 'custom', path: [index, 'upToKwh'], message });
			}
			return;
		}
		if (index === last) {
			const message = `the last block must be open (upToKwh null), got "${block.upToKwh}"`;
			ctx.addIssue({ code: 'custom', path: [index, 'upToKwh'], message });
		}
		if (!KWH.test(block.upToKwh)) {
			previous = null;
			return;
		}
		if (previous !== null && new TariffDecimal(block.upToKwh).lte(previous)) {
			const message = `blocks must be in ascending order: "${block.upToKwh}" kWh follows "${previous}" kWh`;
			ctx.addIssue({ code: 'custom', path: [index, 'upToKwh'], message });
		}
		previous = block.upToKwh;
	});
}

const blocksSchema = z
	.array(blockSchema, { error: 'must be a list of blocks' })
	.min(1, 'must have at least one block')
	.superRefine(checkBlockOrder);

const versionSchema = z.object({
	id: z
		.string({ error: 'must be a string' })
		.regex(
			/^[A-Z][A-Z0-9_]{0,63}$/,
			'must be capital letters, digits and _, like HOUSEHOLD_2025_05'
		),
	tariffClass: z
		.string({ error: 'must be a string' })
		.regex(/^[a-z][a-z0-9_]{0,31}$/, 'must be small letters, digits and _, like household'),
	effectiveFrom: z
		.string({ error: 'must be a string' })
		.refine(isCalendarDate, 'must be a calendar date written YYYY-MM-DD'),
	blocks: blocksSchema
});

/** zod's issues as "path: message" lines, in zod's order. */
function zodProblems(error: z.ZodError, under: PropertyKey[] = []): string[] {
	return error.issues.map((issue) => {
		const path = [...under, ...issue.path]
			.map((key, i) =>
				typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`
			)
			.join('');
		return path ? `${path}: ${issue.message}` : issue.message;
	});
}

/** The hand-written checks' problems, taken from their error message. */
function problemsOf(action: () => unknown, prefix: RegExp): string[] | 'accepted' {
	try {
		action();
		return 'accepted';
	} catch (error) {
		if (!(error instanceof TariffError)) throw error;
		return error.message.replace(prefix, '').split('; ');
	}
}

// Bounds and prices near every rule's edge: good, zero, negative, too precise, too big, wrong type.
const bound = fc.oneof(
	fc.constantFrom(
		null,
		'0',
		'1',
		'100',
		'200.5',
		'200.0001',
		'-5',
		'007',
		'1e3',
		'1000000000',
		200,
		'',
		undefined
	),
	fc.integer({ min: 1, max: 2000 }).map(String)
);
const price = fc.oneof(
	fc.constantFrom(
		'0',
		'450',
		'787.5',
		'450.001',
		'-1',
		'4.5e2',
		'787,5',
		'1000000000',
		'999999999.99',
		450,
		null,
		undefined
	),
	fc.integer({ min: 0, max: 3000 }).map(String)
);
const block = fc.oneof(
	{ weight: 8, arbitrary: fc.record({ upToKwh: bound, pricePerKwh: price }) },
	{ weight: 1, arbitrary: fc.constantFrom(null, 'block', 5, [] as unknown[]) }
);
const blocks = fc.oneof(
	{ weight: 8, arbitrary: fc.array(block, { maxLength: 5 }) },
	{ weight: 1, arbitrary: fc.constantFrom(undefined, null, 'blocks', {}) }
);
const version = fc.oneof(
	{
		weight: 10,
		arbitrary: fc.record({
			id: fc.constantFrom('HOUSEHOLD_2026_05', 'household', 'X', undefined, 5),
			tariffClass: fc.constantFrom('household', 'stove_1', 'Household', undefined, null),
			effectiveFrom: fc.constantFrom(
				'2026-05-01',
				'2027-02-29',
				'2028-02-29',
				'01.05.2026',
				20260501
			),
			blocks,
			extra: fc.constantFrom(undefined, 'ignored')
		})
	},
	{ weight: 1, arbitrary: fc.constantFrom(null, 'HOUSEHOLD', 5, [] as unknown[]) }
);

describe('the hand-written tariff checks agree with the zod schema they replaced', () => {
	it('on versions: same verdict, same data, the same problems in the same order', () => {
		fc.assert(
			fc.property(version, (input) => {
				const reference = versionSchema.safeParse(input);
				const ours = problemsOf(
					() => parseTariffVersion(input),
					/^tariff version .*? is invalid: /
				);
				if (reference.success) {
					expect(ours).toBe('accepted');
					expect(parseTariffVersion(input)).toEqual(reference.data);
				} else {
					expect(ours).toEqual(zodProblems(reference.error));
				}
			}),
			FC
		);
	});

	it('on blocks given on their own', () => {
		fc.assert(
			fc.property(blocks, (input) => {
				const reference = blocksSchema.safeParse(input);
				const ours = problemsOf(() => parseTariffBlocks(input), /^tariff blocks are invalid: /);
				if (reference.success) {
					expect(ours).toBe('accepted');
					expect(parseTariffBlocks(input)).toEqual(reference.data);
				} else {
					expect(ours).toEqual(zodProblems(reference.error, ['blocks']));
				}
			}),
			FC
		);
	});
});
