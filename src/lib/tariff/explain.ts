import type Decimal from 'decimal.js';
import {
	formatKwh,
	formatKwhNumber,
	formatPlain,
	formatSom,
	localeNumbers,
	NO_BREAK_SPACE,
	type Locale
} from './format';
import type { RatingLine } from './rate';

/** What a person reads under a bill: one sentence per block line, then the total. */
export interface Explanation {
	readonly lines: readonly string[];
	readonly total: string;
}

interface Words {
	/** "200 kWh within the social norm" */
	readonly withinNorm: (kwh: string) => string;
	/** "100 kWh above the norm (200–1,000 kWh)"; `band` is the block's range. */
	readonly aboveNorm: (kwh: string, band: string) => string;
	/** The range of an open last block: "over 10,000 kWh". */
	readonly over: (fromKwh: string) => string;
	readonly total: (amount: string) => string;
}

const WORDS: Readonly<Record<Locale, Words>> = {
	uz: {
		withinNorm: (kwh) => `${kwh} ijtimoiy norma doirasida`,
		aboveNorm: (kwh, band) => `${kwh} normadan ortiq (${band})`,
		over: (fromKwh) => `${fromKwh}dan yuqori`,
		total: (amount) => `Jami: ${amount}`
	},
	'uz-Cyrl': {
		withinNorm: (kwh) => `${kwh} ижтимоий норма доирасида`,
		aboveNorm: (kwh, band) => `${kwh} нормадан ортиқ (${band})`,
		over: (fromKwh) => `${fromKwh}дан юқори`,
		total: (amount) => `Жами: ${amount}`
	},
	ru: {
		withinNorm: (kwh) => `${kwh} в пределах социальной нормы`,
		aboveNorm: (kwh, band) => `${kwh} сверх нормы (${band})`,
		over: (fromKwh) => `свыше ${fromKwh}`,
		total: (amount) => `Итого: ${amount}`
	},
	en: {
		withinNorm: (kwh) => `${kwh} within the social norm`,
		aboveNorm: (kwh, band) => `${kwh} above the norm (${band})`,
		over: (fromKwh) => `over ${fromKwh}`,
		total: (amount) => `Total: ${amount}`
	}
};

function describe(line: RatingLine, locale: Locale, words: Words): string {
	const kwh = formatKwh(line.kwh, locale);
	if (line.fromKwh.isZero()) {
		// The first block is the social norm; a tariff of one open block has no norm to name.
		return line.toKwh === null ? kwh : words.withinNorm(kwh);
	}
	const band =
		line.toKwh === null
			? words.over(formatKwh(line.fromKwh, locale))
			: `${formatKwhNumber(line.fromKwh, locale)}–${formatKwhNumber(line.toKwh, locale)}` +
				NO_BREAK_SPACE +
				localeNumbers(locale).kwh;
	return words.aboveNorm(kwh, band);
}

/**
 * The lines of a rating as sentences, in uz (Latin), uz-Cyrl, ru or en:
 *
 *   200 kWh within the social norm × 450 = 90,000 so'm
 *   100 kWh above the norm (200–1,000 kWh) × 900 = 90,000 so'm
 *   Total: 180,000 so'm
 *
 * Above the norm each line names its block, since a tariff has several blocks above the norm.
 * Takes a `Rating`, a `MonthPart`'s rating, or a whole `MonthRating` (whose lines of a split
 * month then read as two sets of blocks: explain each part under its dates instead).
 * Throws `INVALID_LOCALE` for another locale.
 */
export function explain(
	rating: { readonly lines: readonly RatingLine[]; readonly total: Decimal },
	locale: Locale
): Explanation {
	localeNumbers(locale); // refuses an unknown locale with a TariffError
	const words = WORDS[locale];
	return {
		lines: rating.lines.map(
			(line) =>
				`${describe(line, locale, words)} × ${formatPlain(line.pricePerKwh, locale)} = ` +
				formatSom(line.amount, locale)
		),
		total: words.total(formatSom(rating.total, locale))
	};
}
