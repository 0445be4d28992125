import type Decimal from 'decimal.js';
import {
	formatKwh,
	formatKwhNumber,
	formatPlain,
	formatSom,
	localeNumbers,
	NO_BREAK_SPACE,
	type Locale
} from './numbers';
import type { RatingLine } from '../tariff/rate';

/** What a person reads under a bill: one sentence per block line, then the total. */
export interface Explanation {
	readonly lines: readonly string[];
	readonly total: string;
}

/** The catalogue's words of a bill (messages/<language>.ts, 'bill.*'). */
export type BillKey = 'bill.withinNorm' | 'bill.aboveNorm' | 'bill.over' | 'bill.total';
/** A message of the reader's language with its {placeholders} filled: i18n's `t` on a page. */
export type Say = (key: BillKey, params: Record<string, string>) => string;

function describe(line: RatingLine, locale: Locale, say: Say): string {
	const kwh = formatKwh(line.kwh, locale);
	if (line.fromKwh.isZero()) {
		// The first block is the social norm; a tariff of one open block has no norm to name.
		return line.toKwh === null ? kwh : say('bill.withinNorm', { kwh });
	}
	const band =
		line.toKwh === null
			? say('bill.over', { fromKwh: formatKwh(line.fromKwh, locale) })
			: `${formatKwhNumber(line.fromKwh, locale)}–${formatKwhNumber(line.toKwh, locale)}` +
				NO_BREAK_SPACE +
				localeNumbers(locale).kwh;
	return say('bill.aboveNorm', { kwh, band });
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
 * Throws `INVALID_LOCALE` for another locale. The tariff module gives the numbers; the words
 * are the catalogue's, through `say` (`t` on a page, `explainIn` where every language is at hand).
 */
export function explain(
	rating: { readonly lines: readonly RatingLine[]; readonly total: Decimal },
	locale: Locale,
	say: Say
): Explanation {
	localeNumbers(locale); // refuses an unknown locale with a TariffError
	return {
		lines: rating.lines.map(
			(line) =>
				`${describe(line, locale, say)} × ${formatPlain(line.pricePerKwh, locale)} = ` +
				formatSom(line.amount, locale)
		),
		total: say('bill.total', { amount: formatSom(rating.total, locale) })
	};
}
