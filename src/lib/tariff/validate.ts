import { z } from 'zod';
import { isCalendarDate } from './calendar';
import { MAX_BLOCK_KWH, MAX_PRICE_PER_KWH, TariffDecimal } from './decimal';
import { TariffError } from './errors';
import type { TariffBlock, TariffVersion } from './versions';

// A version arrives as untrusted data (an operator's form, a SQLite row, a sync payload) and is
// checked here once, when it is loaded; the rating functions rely on these rules.

/** kWh to the watt-hour, no sign, no exponent, no leading zeros. */
const KWH = /^(?:0|[1-9]\d*)(?:\.\d{1,3})?$/;
/** So'm to the tiyin. */
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
		// Zod may run this after a block already failed its own checks; judge only what parsed.
		if (typeof block !== 'object' || block === null) return;
		if (block.upToKwh === null) {
			if (index !== last) {
				ctx.addIssue({
					code: 'custom',
					path: [index, 'upToKwh'],
					message: 'only the last block may be open (upToKwh null)'
				});
			}
			return;
		}
		if (index === last) {
			ctx.addIssue({
				code: 'custom',
				path: [index, 'upToKwh'],
				message: `the last block must be open (upToKwh null), got "${block.upToKwh}"`
			});
		}
		if (!KWH.test(block.upToKwh)) {
			previous = null;
			return;
		}
		if (previous !== null && new TariffDecimal(block.upToKwh).lte(previous)) {
			ctx.addIssue({
				code: 'custom',
				path: [index, 'upToKwh'],
				message: `blocks must be in ascending order: "${block.upToKwh}" kWh follows "${previous}" kWh`
			});
		}
		previous = block.upToKwh;
	});
}

const blocksSchema = z
	.array(blockSchema, { error: 'must be a list of blocks' })
	.min(1, 'must have at least one block')
	.superRefine(checkBlockOrder);

export const tariffVersionSchema = z.object({
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

function pathText(path: readonly PropertyKey[]): string {
	return path
		.map((key, index) =>
			typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`
		)
		.join('');
}

function problemsOf(error: z.ZodError, under: readonly PropertyKey[] = []): string {
	return error.issues
		.map((issue) => {
			const path = [...under, ...issue.path];
			return path.length > 0 ? `${pathText(path)}: ${issue.message}` : issue.message;
		})
		.join('; ');
}

function nameOf(input: unknown, fallback: string): string {
	if (
		typeof input === 'object' &&
		input !== null &&
		'id' in input &&
		typeof input.id === 'string'
	) {
		return input.id.length > 64 ? `${input.id.slice(0, 61)}...` : input.id;
	}
	return fallback;
}

function deepFreeze(version: TariffVersion): TariffVersion {
	return Object.freeze({
		...version,
		blocks: Object.freeze(version.blocks.map((block) => Object.freeze({ ...block })))
	});
}

/**
 * Checks one tariff version from untrusted data and returns a frozen copy without unknown keys.
 * Throws `TariffError` (`INVALID_TARIFF`) whose message names every broken rule, e.g.
 * `tariff version HOUSEHOLD_2026_05 is invalid: blocks[2].upToKwh: blocks must be in ascending order…`.
 */
export function parseTariffVersion(input: unknown): TariffVersion {
	const result = tariffVersionSchema.safeParse(input);
	if (!result.success) {
		throw new TariffError(
			'INVALID_TARIFF',
			`tariff version ${nameOf(input, '(without an id)')} is invalid: ${problemsOf(result.error)}`
		);
	}
	return deepFreeze(result.data);
}

/** Checks a list of blocks on its own (as `rateUsage` and `compileBlocks` receive them). */
export function parseTariffBlocks(input: unknown): readonly TariffBlock[] {
	const result = blocksSchema.safeParse(input);
	if (!result.success) {
		throw new TariffError(
			'INVALID_TARIFF',
			`tariff blocks are invalid: ${problemsOf(result.error, ['blocks'])}`
		);
	}
	return result.data;
}

/**
 * Checks a list of versions: each version as `parseTariffVersion` does, and across the list that
 * no id repeats and no class has two versions starting the same day (which one would apply?).
 */
export function validateTariffVersions(input: unknown): readonly TariffVersion[] {
	if (!Array.isArray(input)) {
		throw new TariffError('INVALID_TARIFF', 'tariff versions must be a list');
	}
	const versions = input.map((item: unknown, index) => {
		try {
			return parseTariffVersion(item);
		} catch (error) {
			if (error instanceof TariffError) {
				throw new TariffError(error.code, `versions[${index}]: ${error.message}`);
			}
			throw error;
		}
	});
	const ids = new Set<string>();
	const starts = new Map<string, string>();
	for (const version of versions) {
		if (ids.has(version.id)) {
			throw new TariffError('INVALID_TARIFF', `tariff version id ${version.id} appears twice`);
		}
		ids.add(version.id);
		const key = `${version.tariffClass} ${version.effectiveFrom}`;
		const other = starts.get(key);
		if (other !== undefined) {
			throw new TariffError(
				'INVALID_TARIFF',
				`tariff versions ${other} and ${version.id} are both ${version.tariffClass} from ${version.effectiveFrom}`
			);
		}
		starts.set(key, version.id);
	}
	return Object.freeze(versions);
}
