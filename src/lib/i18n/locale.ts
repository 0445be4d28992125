// Which language to show: the stored choice, else the first of the browser's languages we have,
// else Uzbek (Latin).
export const LOCALES = ['uz', 'uz-Cyrl', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'uz';
export const LOCALE_NAMES: Record<Locale, string> = {
	uz: 'Oʻzbekcha',
	'uz-Cyrl': 'Ўзбекча',
	ru: 'Русский',
	en: 'English'
};

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function pickLocale(stored: string | null | undefined, accepted: readonly string[]): Locale {
	if (isLocale(stored)) return stored;
	for (const tag of accepted) {
		const lower = tag.toLowerCase();
		if (lower.startsWith('uz-cyrl')) return 'uz-Cyrl';
		const base = lower.split('-')[0];
		if (isLocale(base)) return base;
	}
	return DEFAULT_LOCALE;
}
