import type { catalogue as English } from './catalogues/en';
import { pickLocale, type Locale } from './locale';

export { LOCALES, LOCALE_NAMES, type Locale } from './locale';

export type MessageKey = keyof typeof English;
type Catalogue = Record<MessageKey, string>;

// One chunk per language (catalogues/*.ts): a page loads only its reader's language, not all
// four — on 2G every kilobyte of the first page counts.
const LOADERS: Record<Locale, () => Promise<{ catalogue: Catalogue }>> = {
	en: () => import('./catalogues/en'),
	uz: () => import('./catalogues/uz'),
	'uz-Cyrl': () => import('./catalogues/uzCyrl'),
	ru: () => import('./catalogues/ru')
};
const loaded: Partial<Record<Locale, Catalogue>> = {};

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

const current = $state({ locale: initialLocale() });

/** The language in use. Read-only: `setLocale` changes it once its messages are loaded. */
export const i18n = {
	get locale(): Locale {
		return current.locale;
	}
};

async function load(locale: Locale): Promise<Catalogue> {
	return (loaded[locale] ??= (await LOADERS[locale]()).catalogue);
}

// Starts as soon as this module runs, beside the page's own chunks, not after them.
const firstLoad = load(current.locale);

/**
 * Resolves when the messages of the language in use are there; the root layout awaits it. On a
 * flaky first visit the chunk may fail to arrive: tried again twice, a second apart.
 */
export async function messagesReady(): Promise<unknown> {
	let failedUrl: string | undefined;
	for (let attempt = 0; ; attempt++) {
		try {
			if (attempt === 0) return await firstLoad;
			return await loadAgain(current.locale, failedUrl, attempt);
		} catch (error) {
			if (attempt === 2) throw error;
			failedUrl = failedModuleUrl(error) ?? failedUrl;
			await new Promise((resolve) => setTimeout(resolve, 1000));
		}
	}
}

// A browser remembers a module that failed to load (the HTML module map; Chromium 150 does): the
// same import() rejects again without asking the network. A retry therefore imports the chunk's
// URL, which the browser's error names, under a query that makes it a new module. Where the error
// names no URL, the plain import is tried again, which browsers that forget failures fetch anew.
function loadAgain(locale: Locale, failedUrl: string | undefined, attempt: number) {
	if (failedUrl === undefined || loaded[locale]) return load(locale);
	return import(/* @vite-ignore */ `${failedUrl}?retry=${attempt}`).then(
		(module: { catalogue?: Catalogue }) => {
			// The URL named a chunk the catalogue needs, not the catalogue: the plain import next.
			if (!module.catalogue) return load(locale);
			return (loaded[locale] ??= module.catalogue);
		}
	);
}

/** The module URL, without query, in a failed dynamic import's message ("…module: https://…"). */
export function failedModuleUrl(error: unknown): string | undefined {
	const message = error instanceof Error ? error.message : String(error);
	return /https?:\/\/[^\s'"?#]+/.exec(message)?.[0];
}

/** Switches language once its messages are loaded, so no page shows keys in between. */
export async function setLocale(locale: Locale): Promise<void> {
	await load(locale);
	current.locale = locale;
	if (typeof window === 'undefined') return;
	try {
		localStorage.setItem(STORAGE_KEY, locale);
	} catch {
		// Not persisted; the choice still holds for this visit.
	}
}

/** The message in the current language, with {name} placeholders filled. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
	// Before its messages are loaded (which the root layout prevents), a key beats a crash.
	const text: string = loaded[current.locale]?.[key] ?? key;
	return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Server error messages are message keys; anything else becomes a generic message. */
export function isMessageKey(value: string): value is MessageKey {
	const messages = loaded[current.locale];
	return messages !== undefined && Object.prototype.hasOwnProperty.call(messages, value);
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
