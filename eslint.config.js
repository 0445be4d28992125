import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

// The fences between layers, as an early warning in the editor: browser code never imports server
// code and the other way round; the pure cores (tariff, domain) import neither. The judge is
// tests/architecture (the parts and forbidden imports as data, checked over the real import graph,
// circles included); these patterns cover `$lib/…` and relative imports alike.
const fence = (group, allowTypeImports = true) => ({
	'no-restricted-imports': 'off',
	'@typescript-eslint/no-restricted-imports': [
		'error',
		{
			patterns: [
				{
					group,
					allowTypeImports,
					message: 'This layer must not import that one (see STYLE.md).'
				}
			]
		}
	]
});

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.ts', '**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: { allowDefaultProject: ['drizzle.config.ts', 'src/service-worker.ts'] },
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
			// Tok is served at the root (no paths.base), so links need no resolve().
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// Browser code: type-only imports of the server pass (tRPC's AppRouter type).
		files: [
			'src/lib/client/**',
			'src/lib/components/**',
			'src/lib/pages/**',
			'src/routes/**/*.svelte',
			'src/routes/**/*.ts',
			'src/service-worker.ts'
		],
		ignores: ['src/routes/**/+server.ts', 'src/routes/**/*.server.ts'],
		rules: fence(['$lib/server', '$lib/server/**', '**/server/**', '../server', 'node:*'])
	},
	{
		files: ['src/lib/server/**', 'src/hooks.server.ts', 'src/routes/**/+server.ts'],
		rules: fence(
			[
				'$lib/client',
				'$lib/client/**',
				'**/client/**',
				'$lib/components/**',
				'**/components/**',
				'$lib/pages/**',
				'**/pages/**',
				'**/i18n/index.svelte',
				'dexie'
			],
			false
		)
	},
	{
		files: ['src/lib/tariff/**', 'src/lib/domain/**'],
		rules: fence(
			[
				'$lib/server/**',
				'**/server/**',
				'$lib/client/**',
				'**/client/**',
				'$lib/components/**',
				'**/components/**',
				'**/i18n/index.svelte',
				'**/i18n/catalogues/**',
				'**/i18n/messages/**',
				'node:*'
			],
			false
		)
	},
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'drizzle/',
			'test-results/',
			'playwright-report/'
		]
	}
);
