import { tariffVersionProblems, type TariffVersion } from '../../tariff';
import { isCalendarDay } from '../dates';
import { MAX_TARIFF_BLOCKS, priceTiyin, priceWithinLimits } from '../tariffLimits';

// The back office's "publish a tariff version" form: what the operator typed, as the version
// `office.tariffs.publish` takes, and every problem beside the field it belongs to. The tariff
// module judges the version (the same rules the server applies); the form adds what the server
// cannot know the operator meant: a new version starts after today.

export interface TariffBlockForm {
	/** kWh a month; blank on the last (open) block. */
	upToKwh: string;
	/** So'm a kWh. */
	pricePerKwh: string;
}

export interface TariffForm {
	tariffClass: string;
	effectiveFrom: string;
	blocks: TariffBlockForm[];
}

/** Problems by field: 'tariffClass', 'effectiveFrom', 'blocks', 'blocks.2.upToKwh', … */
export type TariffFormProblems = Record<string, TariffFormProblem>;

export type TariffFormProblem =
	| 'officeTools.tariffs.err.class'
	| 'officeTools.tariffs.err.date'
	| 'officeTools.tariffs.err.future'
	| 'officeTools.tariffs.err.clash'
	| 'officeTools.tariffs.err.blocks'
	| 'officeTools.tariffs.err.tooManyBlocks'
	| 'officeTools.tariffs.err.upTo'
	| 'officeTools.tariffs.err.order'
	| 'officeTools.tariffs.err.lastOpen'
	| 'officeTools.tariffs.err.price'
	| 'officeTools.tariffs.err.priceRange';

/** The id a version gets: its class and first day, as the published ones are named. */
export function tariffVersionId(tariffClass: string, effectiveFrom: string): string {
	return `${tariffClass.toUpperCase()}_${effectiveFrom.replaceAll('-', '_')}`;
}

/** The form as the version to publish (blank bounds become the open block). */
export function tariffFormVersion(form: TariffForm): TariffVersion {
	const tariffClass = form.tariffClass.trim();
	const effectiveFrom = form.effectiveFrom.trim();
	return {
		id: tariffVersionId(tariffClass, effectiveFrom),
		tariffClass,
		effectiveFrom,
		blocks: form.blocks.map((block) => ({
			upToKwh: block.upToKwh.trim() === '' ? null : block.upToKwh.trim(),
			pricePerKwh: block.pricePerKwh.trim().replace(',', '.')
		}))
	};
}

/** The module's message for a block bound, as one of the form's: which rule it broke. */
function upToProblem(message: string): TariffFormProblem {
	if (message.includes('ascending')) return 'officeTools.tariffs.err.order';
	if (message.includes('open')) return 'officeTools.tariffs.err.lastOpen';
	return 'officeTools.tariffs.err.upTo';
}

/** Every problem of the form, by field; empty when it may be published. */
export function tariffFormProblems(
	form: TariffForm,
	published: readonly TariffVersion[],
	today: string
): TariffFormProblems {
	const version = tariffFormVersion(form);
	const problems: TariffFormProblems = {};
	for (const { path, message } of tariffVersionProblems(version)) {
		const [field, index, part] = path;
		if (field === 'tariffClass' || field === 'id')
			problems.tariffClass ??= 'officeTools.tariffs.err.class';
		else if (field === 'effectiveFrom') problems.effectiveFrom ??= 'officeTools.tariffs.err.date';
		else if (field === 'blocks' && typeof index === 'number') {
			const key = `blocks.${index}.${part === 'upToKwh' ? 'upToKwh' : 'pricePerKwh'}`;
			problems[key] ??= part === 'upToKwh' ? upToProblem(message) : 'officeTools.tariffs.err.price';
		} else problems.blocks ??= 'officeTools.tariffs.err.blocks';
	}
	if (isCalendarDay(version.effectiveFrom)) {
		if (version.effectiveFrom <= today) problems.effectiveFrom ??= 'officeTools.tariffs.err.future';
		else if (
			published.some(
				(v) => v.tariffClass === version.tariffClass && v.effectiveFrom === version.effectiveFrom
			)
		)
			problems.effectiveFrom ??= 'officeTools.tariffs.err.clash';
	}
	if (version.blocks.length > MAX_TARIFF_BLOCKS)
		problems.blocks ??= 'officeTools.tariffs.err.tooManyBlocks';
	version.blocks.forEach((block, index) => {
		const key = `blocks.${index}.pricePerKwh`;
		const tiyin = priceTiyin(block.pricePerKwh);
		if (!problems[key] && tiyin !== null && !priceWithinLimits(tiyin))
			problems[key] = 'officeTools.tariffs.err.priceRange';
	});
	return problems;
}
