import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { forbiddenImports, partOf } from './fences';
import { importCircles, importGraph, importsOf, type ImportEdge } from './importGraph';

const root = fileURLToPath(new URL('../..', import.meta.url));
const graph = importGraph(root);

const edge = (from: string, to: string, typeOnly = false): ImportEdge => ({ from, to, typeOnly });

describe('the layers of src/', () => {
	it('reads the real import graph: relative, $lib and bare imports, .svelte files included', () => {
		const has = (from: string, to: string) => graph.some((e) => e.from === from && e.to === to);
		expect(has('src/lib/server/sync/pull.ts', 'src/lib/server/db/schema/index.ts')).toBe(true);
		expect(has('src/lib/client/db.ts', 'dexie')).toBe(true);
		expect(graph.some((e) => e.from.endsWith('.svelte') && e.to.startsWith('src/lib/i18n/'))).toBe(
			true
		);
		expect(graph.every((e) => partOf(e.from) !== null)).toBe(true);
	});

	it('has no import that a fence forbids', () => {
		expect(forbiddenImports(graph)).toEqual([]);
	});

	it('has no import circle', () => {
		expect(importCircles(graph)).toEqual([]);
	});
});

describe('the architecture check itself', () => {
	it('tells a type-only import from one that brings code', () => {
		expect(
			importsOf(`
				import type { A } from './a';
				import { type B, type C } from './b';
				import { type D, e } from './d';
				import f from './f';
				export type { G } from './g';
				export * from './h';
				const i = await import('./i');
				let j: import('./j').J;
			`).map((i) => `${i.specifier}${i.typeOnly ? ' (type)' : ''}`)
		).toEqual(['./a (type)', './b (type)', './d', './f', './g (type)', './h', './i', './j (type)']);
	});

	it('catches a forbidden import added on purpose, relative or $lib alike', () => {
		const clean = [
			edge('src/lib/client/trpc.ts', 'src/lib/server/trpc/root.ts', true),
			edge('src/lib/server/sync/pull.ts', 'src/lib/domain/sync/tables.ts')
		];
		expect(forbiddenImports(clean)).toEqual([]);
		const bad = [
			...clean,
			edge('src/lib/server/sync/pull.ts', 'src/lib/client/db.ts'),
			edge('src/lib/pages/Home.svelte', 'src/lib/server/db/index.ts'),
			edge('src/routes/+layout.ts', 'better-sqlite3'),
			edge('src/lib/tariff/rate.ts', 'node:fs'),
			edge('src/lib/domain/money.ts', 'src/lib/server/config.ts', true),
			edge('src/lib/server/trpc/trpc.ts', 'src/lib/i18n/index.svelte.ts')
		];
		expect(forbiddenImports(bad)).toHaveLength(6);
		expect(forbiddenImports(bad)[0]).toMatch(
			/^src\/lib\/server\/sync\/pull\.ts → src\/lib\/client\/db\.ts/
		);
	});

	it('catches an import circle, however long', () => {
		expect(
			importCircles([
				edge('src/a.ts', 'src/b.ts'),
				edge('src/b.ts', 'src/c.ts', true),
				edge('src/c.ts', 'src/a.ts'),
				edge('src/c.ts', 'src/d.ts'),
				edge('src/e.ts', 'src/e.ts')
			])
		).toEqual([['src/a.ts', 'src/b.ts', 'src/c.ts'], ['src/e.ts']]);
		expect(importCircles([edge('src/a.ts', 'src/b.ts'), edge('src/b.ts', 'zod')])).toEqual([]);
	});
});
