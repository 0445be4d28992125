/**
 * The parts of Tok and the imports between them that must never exist, as data. The
 * architecture test (imports.test.ts) reads the real import graph of src/ and fails on any edge
 * these rules forbid, and on any import circle. eslint.config.js has the same fences as an early
 * warning in the editor; this file is the judge.
 */

export type Part =
	| 'tariff'
	| 'domain'
	| 'i18n'
	| 'server'
	| 'client'
	| 'components'
	| 'pages'
	| 'serviceWorker'
	| 'app';

/** Which part a file of src/ belongs to; the first rule that matches wins. */
export const PARTS: ReadonlyArray<{ part: Part; files: RegExp }> = [
	{ part: 'tariff', files: /^src\/lib\/tariff\// },
	{ part: 'domain', files: /^src\/lib\/domain\// },
	{ part: 'i18n', files: /^src\/lib\/i18n\// },
	{ part: 'server', files: /^src\/lib\/server\// },
	// SvelteKit's server-side files: hooks and endpoints run only on the server.
	{
		part: 'server',
		files: /^src\/hooks\.server\.ts$|^src\/routes\/.*\+(server|page\.server|layout\.server)\.ts$/
	},
	{ part: 'client', files: /^src\/lib\/client\// },
	{ part: 'components', files: /^src\/lib\/components\// },
	// The pages behind sign-in and the routes that load them, all rendered in the browser.
	{ part: 'pages', files: /^src\/lib\/pages\/|^src\/routes\// },
	{ part: 'serviceWorker', files: /^src\/service-worker\.ts$/ },
	{ part: 'app', files: /^src\/[^/]+$/ }
];

/** What an import leads to, when it is a package rather than a file of src/. */
export const PACKAGES: ReadonlyArray<{ name: string; specifiers: RegExp }> = [
	{ name: 'node built-ins', specifiers: /^node:/ },
	{
		name: 'server packages',
		specifiers: /^(better-sqlite3|drizzle-orm|@node-rs\/argon2|cli-progress|@trpc\/server)(\/|$)/
	},
	{ name: 'browser packages', specifiers: /^(dexie|workbox-[a-z]+)(\/|$)/ },
	{ name: 'SvelteKit runtime', specifiers: /^\$app\// },
	{ name: 'Svelte', specifiers: /^svelte(\/|$)/ }
];

/** i18n's browser parts: the reactive current-language state, not the plain catalogues. */
export const I18N_BROWSER = /^src\/lib\/i18n\/index\.svelte\.ts$/;

export interface Fence {
	/** Files of these parts… */
	from: Part[];
	/** …must not import files of these parts… */
	parts?: Part[];
	/** …nor these files… */
	files?: RegExp;
	/** …nor these packages. */
	packages?: string[];
	/** Type-only imports (`import type`) pass: tRPC's AppRouter type is how the client knows the API. */
	typesAllowed: boolean;
	why: string;
}

export const FENCES: readonly Fence[] = [
	{
		from: ['tariff', 'domain'],
		parts: ['server', 'client', 'components', 'pages', 'serviceWorker'],
		// The one Locale type is i18n's; the catalogues and the reactive language are not theirs.
		files: /^src\/lib\/i18n\/(?!locale\.ts$)/,
		packages: [
			'node built-ins',
			'server packages',
			'browser packages',
			'SvelteKit runtime',
			'Svelte'
		],
		typesAllowed: false,
		why: 'the pure cores are plain functions over plain data and run on both sides'
	},
	{
		from: ['server'],
		parts: ['client', 'components', 'pages', 'serviceWorker'],
		files: I18N_BROWSER,
		packages: ['browser packages', 'Svelte'],
		typesAllowed: false,
		why: 'server code never runs browser code'
	},
	{
		from: ['client', 'components', 'pages', 'serviceWorker'],
		parts: ['server'],
		packages: ['node built-ins', 'server packages'],
		typesAllowed: true,
		why: 'browser code never bundles server code (types only)'
	},
	{
		from: ['i18n'],
		parts: ['server', 'client', 'components', 'pages'],
		packages: ['node built-ins', 'server packages', 'browser packages'],
		typesAllowed: false,
		why: 'the catalogues are shared by the server (message keys) and the browser'
	}
];
