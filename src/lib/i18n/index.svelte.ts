import { en } from './messages/en';
import { ru } from './messages/ru';
import { uz } from './messages/uz';
import { uzCyrl } from './messages/uzCyrl';
import { accounts } from './messages/accounts';
import { consumption } from './messages/consumption';
import { help } from './messages/help';
import { history } from './messages/history';
import { settings } from './messages/settings';
import { pickLocale, type Locale } from './locale';

export { LOCALES, LOCALE_NAMES, type Locale } from './locale';

// The core catalogue plus each feature's own file (see messages/feature.ts).
const FEATURES = [accounts, consumption, help, history, settings] as const;
const merged = <L extends Locale>(locale: L) =>
	Object.assign({}, ...FEATURES.map((f) => f[locale])) as (typeof FEATURES)[number][L];

const EN = { ...en, ...(merged('en') as UnionToIntersection<(typeof FEATURES)[number]['en']>) };
export type MessageKey = keyof typeof EN;
type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (
	k: infer I
) => void
	? I
	: never;

const CATALOGUES: Record<Locale, Record<string, string>> = {
	en: EN,
	uz: { ...uz, ...merged('uz') },
	'uz-Cyrl': { ...uz, ...uzCyrl, ...merged('uz-Cyrl') },
	ru: { ...ru, ...merged('ru') }
};
const STORAGE_KEY = 'tok.locale';

function initialLocale(): Locale {
	if (typeof window === 'undefined') return 'uz';
	let stored: string | null = null;
	try {
		stored = localStorage.getItem(STORAGE_KEY);
	} catch {
		// Storage can be blocked (private mode); the browser's language still applies.
	}
	return pickLocale(stored, navigator.languages ?? [navigator.language]);
}

export const i18n = $state({ locale: initialLocale() });

export function setLocale(locale: Locale): void {
	i18n.locale = locale;
	try {
		localStorage.setItem(STORAGE_KEY, locale);
	} catch {
		// Not persisted; the choice still holds for this visit.
	}
	document.documentElement.lang = locale;
}

/** The message in the current language, with {name} placeholders filled. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
	const text: string = CATALOGUES[i18n.locale][key] ?? EN[key];
	return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Server error messages are message keys; anything else becomes a generic message. */
export function isMessageKey(value: string): value is MessageKey {
	return value in EN;
}

/** Keys that come in plural forms: `${prefix}.one`, `.few`, `.many` and `.other`. */
export type PluralPrefix = {
	[K in MessageKey]: K extends `${infer P}.other` ? P : never;
}[MessageKey];

/**
 * The message for `count` in the current language's plural form (Russian has three: 1 изменение,
 * 2 изменения, 5 изменений; Uzbek and English two), with {count} filled.
 */
export function tPlural(
	prefix: PluralPrefix,
	count: number,
	params: Record<string, string | number> = {}
): string {
	const form = new Intl.PluralRules(i18n.locale).select(count);
	const key = `${prefix}.${form}`;
	return t(isMessageKey(key) ? key : `${prefix}.other`, { count, ...params });
}
