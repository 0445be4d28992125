import { parse } from 'acorn';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Parses code as ES2021; returns the parser's complaint, or null when it is ES2021. */
export function es2021Error(code: string, sourceType: 'module' | 'script'): string | null {
	try {
		parse(code, { ecmaVersion: 2021, sourceType });
		return null;
	} catch (error) {
		return (error as Error).message;
	}
}

export function jsFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return jsFiles(path);
		return /\.m?js$/.test(name) ? [path] : [];
	});
}

export const read = (path: string) => readFileSync(path, 'utf8');
