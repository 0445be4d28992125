import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The build lowers syntax to the floor (Chrome 87, Safari 14) but adds no polyfills, so code
// that reaches the browser must not call built-ins newer than that. These are the ones we have
// been tempted by; the bundles' syntax is checked separately (tests/integration/bundles).
const TOO_NEW: Array<[RegExp, string]> = [
	[/\bObject\.hasOwn\(/, 'Object.hasOwn (Chrome 93, Safari 15.4)'],
	[/\.at\(-?\d/, 'Array/String .at() (Chrome 92, Safari 15.4)'],
	[/\bstructuredClone\(/, 'structuredClone (Chrome 98, Safari 15.4)'],
	[/\.findLast(Index)?\(/, 'findLast (Chrome 97, Safari 15.4)'],
	[/\.(toSorted|toReversed|toSpliced)\(/, 'change-array-by-copy (Chrome 110)'],
	[/\bcrypto\.randomUUID\(/, 'crypto.randomUUID (Safari 15.4)'],
	[/\bAbortSignal\.timeout\(/, 'AbortSignal.timeout (Chrome 103, Safari 16)'],
	[/\bArray\.fromAsync\(/, 'Array.fromAsync (Chrome 121)']
];

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return path.includes('/server') ? [] : files(path);
		return /\.(ts|svelte)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
	});
}

describe('code that runs in the browser', () => {
	it('calls no built-in newer than Chrome 87 / Safari 14', () => {
		const browserFiles = [...files('src/lib'), ...files('src/routes'), 'src/service-worker.ts'];
		expect(browserFiles.length).toBeGreaterThan(20);
		const found: string[] = [];
		for (const file of browserFiles) {
			const code = readFileSync(file, 'utf8')
				.split('\n')
				.filter((line) => !/^\s*(\/\/|\*)/.test(line))
				.join('\n');
			for (const [pattern, name] of TOO_NEW) if (pattern.test(code)) found.push(`${file}: ${name}`);
		}
		expect(found).toEqual([]);
	});
});
