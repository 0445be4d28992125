import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { es2021Error, jsFiles, read } from './helpers/esCheck';

// `npm test` builds before it runs this; the bundles are what old phones download.
const CLIENT = 'build/client';

describe('bundles run on old phones (ES2021, the floor of Chrome 87 / Safari 14)', () => {
	it('the check itself refuses syntax newer than ES2021', () => {
		expect(es2021Error('const a = b?.c ?? d; a ||= 1;', 'module')).toBeNull();
		expect(es2021Error('class A { #secret = 1 }', 'module')).not.toBeNull();
		expect(es2021Error('class A { static { } }', 'module')).not.toBeNull();
		expect(es2021Error('await Promise.resolve(1)', 'module')).not.toBeNull();
	});

	it('every client bundle parses as ES2021', () => {
		expect(existsSync(CLIENT), 'build/client is missing: run `npm run build` first').toBe(true);
		const files = jsFiles(`${CLIENT}/_app`);
		expect(files.length).toBeGreaterThan(3);
		const failures = files.map((f) => [f, es2021Error(read(f), 'module')]).filter(([, e]) => e);
		expect(failures).toEqual([]);
	});

	it('the service worker parses as an ES2021 classic script (old browsers cannot run module workers)', () => {
		const sw = `${CLIENT}/service-worker.js`;
		expect(existsSync(sw)).toBe(true);
		expect(es2021Error(read(sw), 'script')).toBeNull();
		expect(read(sw)).toContain('shell');
	});
});
