import { catalogue as en } from './catalogues/en';
import { catalogue as ru } from './catalogues/ru';
import { catalogue as uz } from './catalogues/uz';
import { catalogue as uzCyrl } from './catalogues/uzCyrl';
import { explain, type Explanation, type Say } from './explain';
import type { Locale } from './locale';
import type { RatingLine } from '../tariff/rate';
import type Decimal from 'decimal.js';

// Every language at once, for the server (which answers in the asker's language) and tests. A
// page never imports this: it loads only its reader's catalogue (index.svelte.ts).
const CATALOGUES: Record<Locale, Record<string, string>> = { en, uz, 'uz-Cyrl': uzCyrl, ru };

/** `say` in one language: its message with {placeholders} filled. */
export function sayIn(locale: Locale): Say {
	return (key, params) =>
		(CATALOGUES[locale]?.[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) =>
			String(params[name] ?? `{${name}}`)
		);
}

/** A bill explained in `locale`, as a page in that language explains it. */
export function explainIn(
	rating: { readonly lines: readonly RatingLine[]; readonly total: Decimal },
	locale: Locale
): Explanation {
	return explain(rating, locale, sayIn(locale));
}
