import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

// The fences between layers: browser code never imports server code and the other way round;
// the pure cores (tariff, domain) import neither. Type-only imports are allowed (tRPC's
// AppRouter type is how the client knows the API).
const fence = (group) => ({
	'no-restricted-imports': 'off',
	'@typescript-eslint/no-restricted-imports': [
		'error',
		{
			patterns: [
				{
					group,
					allowTypeImports: true,
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
		files: [
			'src/lib/client/**',
			'src/lib/components/**',
			'src/routes/**/*.svelte',
			'src/service-worker.ts'
		],
		rules: fence(['$lib/server/*', '**/lib/server/*'])
	},
	{
		files: ['src/lib/server/**'],
		rules: fence(['$lib/client/*', '**/lib/client/*', '$lib/components/*'])
	},
	{
		files: ['src/lib/tariff/**', 'src/lib/domain/**'],
		rules: fence(['$lib/server/*', '**/server/*', '$lib/client/*', '**/client/*', 'node:*'])
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
