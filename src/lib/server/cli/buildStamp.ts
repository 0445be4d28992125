import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const INPUTS = [
	'src',
	'static',
	'drizzle',
	'svelte.config.js',
	'vite.config.ts',
	'package-lock.json'
];
export const STAMP_FILE = 'build/.tok-build-stamp';

function* files(path: string): Generator<string> {
	if (!existsSync(path)) return;
	if (statSync(path).isDirectory()) {
		for (const name of readdirSync(path).sort()) yield* files(join(path, name));
	} else yield path;
}

/** A hash of everything the build reads: a build is fresh when its stamp equals this. */
export function sourceHash(root: string): string {
	const hash = createHash('sha256');
	for (const input of INPUTS)
		for (const file of files(join(root, input))) {
			hash.update(file);
			hash.update(readFileSync(file));
		}
	return hash.digest('hex');
}

export function buildIsFresh(root: string): boolean {
	const stamp = join(root, STAMP_FILE);
	return (
		existsSync(join(root, 'build/index.js')) &&
		existsSync(stamp) &&
		readFileSync(stamp, 'utf8') === sourceHash(root)
	);
}
