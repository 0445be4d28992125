import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** One import as written in a file: what it names and whether only types come through it. */
export interface ImportEdge {
	from: string;
	/** A file under the root (`src/...`), or the bare specifier as written (`dexie`, `node:fs`). */
	to: string;
	typeOnly: boolean;
}

const SOURCE = /\.(ts|js|svelte)$/;
const EXTENSIONS = ['', '.ts', '.js', '.svelte', '.svelte.ts', '/index.ts', '/index.js'];

function listFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return listFiles(path);
		return SOURCE.test(name) && !name.endsWith('.d.ts') ? [path] : [];
	});
}

/** The code of a file: a .svelte file's <script> blocks, anything else as it is. */
function codeOf(path: string): string {
	const text = readFileSync(path, 'utf8');
	if (!path.endsWith('.svelte')) return text;
	return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
}

interface Written {
	specifier: string;
	typeOnly: boolean;
}

/** Every import, re-export and dynamic import() a piece of code makes. */
export function importsOf(code: string): Written[] {
	const file = ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true);
	const found: Written[] = [];
	const visit = (node: ts.Node) => {
		if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
			const clause = node.importClause;
			const named = clause?.namedBindings;
			const allNamedTypes =
				!!clause &&
				!clause.name &&
				!!named &&
				ts.isNamedImports(named) &&
				named.elements.length > 0 &&
				named.elements.every((e) => e.isTypeOnly);
			found.push({
				specifier: node.moduleSpecifier.text,
				typeOnly: !!clause && (clause.isTypeOnly || allNamedTypes)
			});
		} else if (
			ts.isExportDeclaration(node) &&
			node.moduleSpecifier &&
			ts.isStringLiteral(node.moduleSpecifier)
		) {
			found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
		} else if (
			ts.isCallExpression(node) &&
			node.expression.kind === ts.SyntaxKind.ImportKeyword &&
			node.arguments[0] &&
			ts.isStringLiteralLike(node.arguments[0])
		) {
			found.push({ specifier: node.arguments[0].text, typeOnly: false });
		} else if (
			ts.isImportTypeNode(node) &&
			ts.isLiteralTypeNode(node.argument) &&
			ts.isStringLiteral(node.argument.literal)
		) {
			found.push({ specifier: node.argument.literal.text, typeOnly: true });
		}
		ts.forEachChild(node, visit);
	};
	visit(file);
	return found;
}

/**
 * Where a specifier leads: a file under the root for relative and `$lib` imports, the bare
 * specifier otherwise (packages, `node:*`, SvelteKit's `$app/*` and `$env/*`). Query suffixes
 * (`?url`, `?worker`) are dropped.
 */
function resolveSpecifier(root: string, fromFile: string, specifier: string): string {
	const bare = specifier.replace(/\?.*$/, '');
	// SvelteKit's generated route types, not a file of src/.
	if (/(^|\/)\$types$/.test(bare)) return '$types';
	let base: string | null = null;
	if (bare.startsWith('.')) base = resolve(dirname(fromFile), bare);
	else if (bare === '$lib' || bare.startsWith('$lib/'))
		base = join(root, 'src/lib', bare.slice('$lib'.length));
	if (base === null) return bare;
	for (const ext of EXTENSIONS) {
		const candidate = base + ext;
		if (existsSync(candidate) && statSync(candidate).isFile())
			return relative(root, candidate).split('\\').join('/');
	}
	// A generated module ($types, ./$types) or a missing file: keep it visible as written.
	return relative(root, base).split('\\').join('/');
}

/** The real import graph of `src/` under `root`: every file's imports, resolved. */
export function importGraph(root: string): ImportEdge[] {
	return listFiles(join(root, 'src')).flatMap((path) => {
		const from = relative(root, path).split('\\').join('/');
		return importsOf(codeOf(path)).map(({ specifier, typeOnly }) => ({
			from,
			to: resolveSpecifier(root, path, specifier),
			typeOnly
		}));
	});
}

/** Every import circle among files (type-only imports included), each as the files in order. */
export function importCircles(edges: readonly ImportEdge[]): string[][] {
	const next = new Map<string, string[]>();
	for (const { from, to } of edges)
		if (to.startsWith('src/')) next.set(from, [...(next.get(from) ?? []), to]);
	// Tarjan's strongly connected components; a component of two or more files is a circle, as is
	// a file that imports itself.
	let index = 0;
	const order = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const circles: string[][] = [];
	const connect = (file: string) => {
		order.set(file, index);
		low.set(file, index++);
		stack.push(file);
		onStack.add(file);
		for (const to of next.get(file) ?? []) {
			if (!order.has(to)) {
				connect(to);
				low.set(file, Math.min(low.get(file)!, low.get(to)!));
			} else if (onStack.has(to)) low.set(file, Math.min(low.get(file)!, order.get(to)!));
		}
		if (low.get(file) === order.get(file)) {
			const component: string[] = [];
			let top: string;
			do {
				top = stack.pop()!;
				onStack.delete(top);
				component.push(top);
			} while (top !== file);
			if (component.length > 1 || (next.get(file) ?? []).includes(file))
				circles.push(component.reverse());
		}
	};
	for (const file of next.keys()) if (!order.has(file)) connect(file);
	return circles;
}
