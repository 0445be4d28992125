import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogue as en } from '../../../src/lib/i18n/catalogues/en';
import { catalogue as ru } from '../../../src/lib/i18n/catalogues/ru';
import { catalogue as uz } from '../../../src/lib/i18n/catalogues/uz';
import { catalogue as uzCyrl } from '../../../src/lib/i18n/catalogues/uzCyrl';

// The visit form shows the inspection.record schema's own messages beside their fields: each
// key the schema can give must read in every language, or the inspector sees "check the form".
const schemaSource = readFileSync('src/lib/domain/sync/commands.ts', 'utf8');
const schemaKeys = [
	...new Set(schemaSource.match(/'error\.[a-z_]+'/g)!.map((k) => k.slice(1, -1)))
];

describe("the inspector's messages", () => {
	it('finds the keys of the command schemas', () => {
		expect(schemaKeys).toEqual(expect.arrayContaining(['error.seal_required', 'error.kwh_format']));
	});

	it.each(Object.entries({ en, ru, uz, uzCyrl }))('%s has every schema message', (_, catalogue) => {
		const messages = catalogue as Record<string, string>;
		expect(schemaKeys.filter((key) => !messages[key])).toEqual([]);
	});

	it('Uzbek Latin writes oʻ and gʻ with the turned comma (U+02BB), never an apostrophe', () => {
		const inspectorUz = Object.entries(uz).filter(([key]) => key.startsWith('inspector.'));
		for (const [, text] of inspectorUz) expect(text).not.toMatch(/[og]['‘’`]/);
	});
});
