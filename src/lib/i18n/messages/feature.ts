/**
 * A feature's own messages in one language, beside the core catalogue: each page area keeps its
 * strings in one folder (messages/<area>/), one file per language, so that a page loads only its
 * reader's language (catalogues/*.ts); TypeScript refuses a language missing a key or with an
 * extra one.
 */
export type FeatureMessages<E extends Record<string, string>> = Record<keyof E, string>;
