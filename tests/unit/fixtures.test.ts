import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The tests read their reference data from tests/fixtures, so that a clone of this repository
// stands alone. Where the shared folder the fixtures came from sits beside the project (../shared),
// the copies must still equal it, file by file.
const ours = new URL('../fixtures/', import.meta.url);
const shared = new URL('../../../shared/fixtures/', import.meta.url);

describe('test fixtures', () => {
	it.skipIf(!existsSync(shared))('equal the shared fixtures they were copied from', () => {
		const names = readdirSync(shared).sort();
		expect(readdirSync(ours).sort()).toEqual(names);
		for (const name of names)
			expect(readFileSync(new URL(name, ours), 'utf8'), name).toBe(
				readFileSync(new URL(name, shared), 'utf8')
			);
	});
});
