import type { Locale } from '../locale';

/**
 * A feature's own messages, in every language, beside the core catalogue: each page area keeps
 * its strings in one file (messages/<area>.ts), and TypeScript refuses a language missing a key.
 */
export function feature<const E extends Record<string, string>>(
	messages: { en: E } & Record<Exclude<Locale, 'en'>, Record<keyof E, string>>
) {
	return messages;
}
