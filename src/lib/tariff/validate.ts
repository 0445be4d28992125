import { isCalendarDate } from './calendar';
import { MAX_BLOCK_KWH, MAX_PRICE_PER_KWH, TariffDecimal } from './decimal';
import { TariffError } from './errors';
import type { TariffBlock, TariffVersion } from './versions';

// A version arrives as untrusted data (an operator's form, a SQLite row, a sync payload) and is
// checked here once, when it is loaded; the rating functions rely on these rules. Written by hand
// rather than with zod: the phone rates (and so checks) on its first page, where zod's 24 kB
// gzipped would be a third of the budget. Every broken rule is named, not only the first.

/** kWh to the watt-hour, no sign, no exponent, no leading zeros. */
const KWH = /^(?:0|[1-9]\d*)(?:\.\d{1,3})?$/;
/** So'm to the tiyin. */
const SOM = /^(?:0|[1-9]\d*)(?:\.\d{1,2})?$/;
const ID = /^[A-Z][A-Z0-9_]{0,63}$/;
const TARIFF_CLASS = /^[a-z][a-z0-9_]{0,31}$/;
const MAX_BLOCK = new TariffDecimal(MAX_BLOCK_KWH);
const MAX_PRICE = new TariffDecimal(MAX_PRICE_PER_KWH);

type Path = readonly (string | number)[];
export interface TariffProblem {
	readonly path: Path;
	readonly message: string;
}

function kindOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	return typeof value;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const notAnObject = (value: unknown) => `Invalid input: expected object, received ${kindOf(value)}`;

function checkUpTo(value: unknown, path: Path, problems: TariffProblem[]): void {
	if (value === null) return;
	if (typeof value !== 'string') {
		problems.push({ path, message: 'must be a decimal string of kWh, or null for the last block' });
	} else if (!KWH.test(value)) {
		problems.push({
			path,
			message: 'must be a plain decimal of kWh with at most 3 decimals, like "500"'
		});
	} else {
		const kwh = new TariffDecimal(value);
		if (!kwh.gt(0)) problems.push({ path, message: 'must be more than 0 kWh' });
		if (!kwh.lte(MAX_BLOCK))
			problems.push({ path, message: `must be at most ${MAX_BLOCK_KWH} kWh` });
	}
}

function checkPrice(value: unknown, path: Path, problems: TariffProblem[]): void {
	if (typeof value !== 'string') {
		problems.push({ path, message: "must be a decimal string of so'm" });
	} else if (!SOM.test(value)) {
		problems.push({
			path,
			message: 'must be a non-negative decimal of so\'m with at most 2 decimals, like "787.5"'
		});
	} else if (!new TariffDecimal(value).lt(MAX_PRICE)) {
		problems.push({ path, message: `must be less than ${MAX_PRICE_PER_KWH} so'm` });
	}
}

/** Bounds ascending, only the last block open; judged on the bounds that are well formed. */
function checkBlockOrder(blocks: readonly unknown[], path: Path, problems: TariffProblem[]): void {
	const last = blocks.length - 1;
	let previous: string | null = null;
	blocks.forEach((block, index) => {
		if (!isRecord(block)) return;
		const upToKwh = block.upToKwh;
		const at = [...path, index, 'upToKwh'];
		if (upToKwh === null) {
			if (index !== last) {
				problems.push({ path: at, message: 'only the last block may be open (upToKwh null)' });
			}
			return;
		}
		if (typeof upToKwh !== 'string') return;
		if (index === last) {
			problems.push({
				path: at,
				message: `the last block must be open (upToKwh null), got "${upToKwh}"`
			});
		}
		if (!KWH.test(upToKwh)) {
			previous = null;
			return;
		}
		if (previous !== null && new TariffDecimal(upToKwh).lte(previous)) {
			problems.push({
				path: at,
				message: `blocks must be in ascending order: "${upToKwh}" kWh follows "${previous}" kWh`
			});
		}
		previous = upToKwh;
	});
}

/** The blocks as plain `{ upToKwh, pricePerKwh }` copies, or the problems found. */
function checkBlocks(input: unknown, path: Path, problems: TariffProblem[]): TariffBlock[] {
	if (!Array.isArray(input)) {
		problems.push({ path, message: 'must be a list of blocks' });
		return [];
	}
	const blocks: TariffBlock[] = [];
	// A block of the wrong shape makes the order meaningless: it is not judged then.
	let misshapen = false;
	input.forEach((block: unknown, index) => {
		if (!isRecord(block)) {
			problems.push({ path: [...path, index], message: notAnObject(block) });
			misshapen = true;
			return;
		}
		const { upToKwh, pricePerKwh } = block;
		if (upToKwh !== null && typeof upToKwh !== 'string') misshapen = true;
		if (typeof pricePerKwh !== 'string') misshapen = true;
		checkUpTo(upToKwh, [...path, index, 'upToKwh'], problems);
		checkPrice(pricePerKwh, [...path, index, 'pricePerKwh'], problems);
		blocks.push({ upToKwh: upToKwh as string | null, pricePerKwh: pricePerKwh as string });
	});
	if (input.length === 0) problems.push({ path, message: 'must have at least one block' });
	if (!misshapen) checkBlockOrder(input, path, problems);
	return blocks;
}

function checkString(
	value: unknown,
	path: Path,
	valid: (text: string) => boolean,
	message: string,
	problems: TariffProblem[]
): void {
	if (typeof value !== 'string') problems.push({ path, message: 'must be a string' });
	else if (!valid(value)) problems.push({ path, message });
}

function checkVersion(input: unknown, problems: TariffProblem[]): TariffVersion | undefined {
	if (!isRecord(input)) {
		problems.push({ path: [], message: notAnObject(input) });
		return undefined;
	}
	const { id, tariffClass, effectiveFrom } = input;
	checkString(
		id,
		['id'],
		(text) => ID.test(text),
		'must be capital letters, digits and _, like HOUSEHOLD_2025_05',
		problems
	);
	checkString(
		tariffClass,
		['tariffClass'],
		(text) => TARIFF_CLASS.test(text),
		'must be small letters, digits and _, like household',
		problems
	);
	checkString(
		effectiveFrom,
		['effectiveFrom'],
		isCalendarDate,
		'must be a calendar date written YYYY-MM-DD',
		problems
	);
	const blocks = checkBlocks(input.blocks, ['blocks'], problems);
	return {
		id: id as string,
		tariffClass: tariffClass as string,
		effectiveFrom: effectiveFrom as string,
		blocks
	};
}

function pathText(path: Path): string {
	return path
		.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${key}`))
		.join('');
}

function problemsText(problems: readonly TariffProblem[]): string {
	return problems
		.map(({ path, message }) => (path.length > 0 ? `${pathText(path)}: ${message}` : message))
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
 * Every rule one version breaks, each with the path of its field (`['blocks', 2, 'upToKwh']`):
 * the back office's form shows them beside their fields; empty when the version is valid.
 */
export function tariffVersionProblems(input: unknown): readonly TariffProblem[] {
	const problems: TariffProblem[] = [];
	checkVersion(input, problems);
	return problems;
}

/**
 * Checks one tariff version from untrusted data and returns a frozen copy without unknown keys.
 * Throws `TariffError` (`INVALID_TARIFF`) whose message names every broken rule, e.g.
 * `tariff version HOUSEHOLD_2026_05 is invalid: blocks[2].upToKwh: blocks must be in ascending order…`.
 */
export function parseTariffVersion(input: unknown): TariffVersion {
	const problems: TariffProblem[] = [];
	const version = checkVersion(input, problems);
	if (version === undefined || problems.length > 0) {
		throw new TariffError(
			'INVALID_TARIFF',
			`tariff version ${nameOf(input, '(without an id)')} is invalid: ${problemsText(problems)}`
		);
	}
	return deepFreeze(version);
}

/** Checks a list of blocks on its own (as `rateUsage` and `compileBlocks` receive them). */
export function parseTariffBlocks(input: unknown): readonly TariffBlock[] {
	const problems: TariffProblem[] = [];
	const blocks = checkBlocks(input, ['blocks'], problems);
	if (problems.length > 0) {
		throw new TariffError('INVALID_TARIFF', `tariff blocks are invalid: ${problemsText(problems)}`);
	}
	return blocks;
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
