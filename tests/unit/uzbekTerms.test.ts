import { describe, expect, it } from 'vitest';
import { HOUSEHOLD_2024_05, rateUsage } from '$lib/tariff';
import { explainIn } from '../../src/lib/i18n/allCatalogues';
import { catalogue as uz } from '../../src/lib/i18n/catalogues/uz';
import { catalogue as uzCyrl } from '../../src/lib/i18n/catalogues/uzCyrl';

// The glossary's word for the social norm is "ijtimoiy norma": what lies above it is "normadan
// ortiq" on the chart's legend, in the bill's lines and everywhere else — never a second word
// ("me’yordan ortiq") for the same thing.
describe('Uzbek has one term for "above the norm"', () => {
	const rating = rateUsage(HOUSEHOLD_2024_05.blocks, '300');

	it('in Latin script', () => {
		const texts = [...Object.values(uz), ...explainIn(rating, 'uz').lines];
		expect(texts.filter((text) => /me[’'ʼʻ]?yor/i.test(text))).toEqual([]);
		expect(uz['consumption.legend.aboveNorm']).toBe('Normadan ortiq');
		expect(explainIn(rating, 'uz').lines[1]).toContain('normadan ortiq');
	});

	it('in Cyrillic script', () => {
		const texts = [...Object.values(uzCyrl), ...explainIn(rating, 'uz-Cyrl').lines];
		expect(texts.filter((text) => /меъёр/i.test(text))).toEqual([]);
		expect(uzCyrl['consumption.legend.aboveNorm']).toBe('Нормадан ортиқ');
		expect(explainIn(rating, 'uz-Cyrl').lines[1]).toContain('нормадан ортиқ');
	});
});
