import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	DISTRICTS,
	REGIONS,
	districtBySoato,
	districtName,
	districtsOfRegion,
	regionBySoato,
	regionName
} from '../../src/lib/domain/geo/index';

interface FixtureRegion {
	soato: string;
	uz: string;
	uzCyrl: string;
	ru: string;
}

// A copy of ../shared/fixtures/uz-regions.json (fixtures.test.ts keeps them equal).
const fixture = JSON.parse(
	readFileSync(new URL('../fixtures/uz-regions.json', import.meta.url), 'utf8')
) as { regions: FixtureRegion[] };

const TASHKENT_CITY = '1726';
const CYRILLIC_NAME = /^[\p{Script=Cyrillic}0-9 .,()«»-]+$/u;
const ANY_CYRILLIC = /\p{Script=Cyrillic}/u;
const places = [...REGIONS, ...DISTRICTS];

describe('regions and districts of Uzbekistan', () => {
	it('has every region of the shared fixture, with the same SOATO code and names', () => {
		expect(fixture.regions).toHaveLength(14);
		expect(REGIONS).toHaveLength(fixture.regions.length);
		for (const expected of fixture.regions) {
			expect(regionBySoato(expected.soato)).toEqual(expected);
		}
	});

	it('gives every region at least five districts, and Tashkent city at least its twelve', () => {
		const counts = Object.fromEntries(
			REGIONS.map((r) => [r.soato, districtsOfRegion(r.soato).length])
		);
		for (const r of REGIONS) expect(counts[r.soato], r.uz).toBeGreaterThanOrEqual(5);
		expect(counts[TASHKENT_CITY]).toBeGreaterThanOrEqual(12);
	});

	it('counts between 190 and 230 districts and district-level cities in all', () => {
		expect(DISTRICTS.length).toBeGreaterThanOrEqual(190);
		expect(DISTRICTS.length).toBeLessThanOrEqual(230);
		const listed = REGIONS.reduce((n, r) => n + districtsOfRegion(r.soato).length, 0);
		expect(listed).toBe(DISTRICTS.length);
	});

	it("gives each district its own seven-digit SOATO code, beginning with its region's code", () => {
		const codes = DISTRICTS.map((d) => d.soato);
		expect(new Set(codes).size).toBe(codes.length);
		for (const d of DISTRICTS) {
			expect(d.soato, d.uz).toMatch(/^\d{7}$/);
			expect(d.soato.slice(0, 4), d.uz).toBe(d.region);
			expect(regionBySoato(d.region), d.uz).toBeDefined();
		}
	});

	it('names every region and district in Uzbek Latin, Uzbek Cyrillic and Russian', () => {
		for (const p of places) {
			for (const n of [p.uz, p.uzCyrl, p.ru]) {
				expect(n.trim(), p.soato).not.toBe('');
				expect(n, p.soato).toBe(n.trim());
			}
		}
	});

	it('writes Cyrillic and Russian names in Cyrillic letters only, with no Latin look-alikes', () => {
		const offending = places.flatMap((p) => [p.uzCyrl, p.ru]).filter((n) => !CYRILLIC_NAME.test(n));
		expect(offending).toEqual([]);
	});

	it('writes Latin names without any Cyrillic letter', () => {
		expect(places.map((p) => p.uz).filter((n) => ANY_CYRILLIC.test(n))).toEqual([]);
	});

	it('spells oʻ and gʻ with the turned comma and the tutuq belgisi with ’ in district names', () => {
		const names = DISTRICTS.map((d) => d.uz);
		expect(names.filter((n) => /['`‘ʼ]/.test(n))).toEqual([]);
		expect(names.filter((n) => /(?<![oOgG])ʻ/.test(n))).toEqual([]);
		expect(names.some((n) => n.includes('oʻ'))).toBe(true);
	});

	it('names each district after its kind: tumani / тумани / район, shahri / шаҳри / город', () => {
		const mismatched = DISTRICTS.filter((d) =>
			d.kind === 'tuman'
				? !(d.uz.endsWith(' tumani') && d.uzCyrl.endsWith(' тумани') && d.ru.endsWith(' район'))
				: !(d.uz.endsWith(' shahri') && d.uzCyrl.endsWith(' шаҳри') && d.ru.startsWith('город '))
		);
		expect(mismatched).toEqual([]);
		expect(districtsOfRegion(TASHKENT_CITY).every((d) => d.kind === 'tuman')).toBe(true);
	});

	it('finds a region and a district by SOATO code, and nothing for an unknown code', () => {
		expect(regionBySoato('1727')?.uz).toBe('Toshkent viloyati');
		expect(districtBySoato('1727413')?.uz).toBe('Bekobod shahri');
		expect(districtBySoato('1727220')?.region).toBe('1727');
		expect(regionBySoato('9999')).toBeUndefined();
		expect(districtBySoato('1727999')).toBeUndefined();
		expect(districtsOfRegion('9999')).toEqual([]);
	});

	it("shows a place in the reader's locale, and in Uzbek Latin for English", () => {
		const d = districtBySoato('1727220')!;
		expect(districtName(d, 'uz')).toBe('Bekobod tumani');
		expect(districtName(d, 'uz-Cyrl')).toBe('Бекобод тумани');
		expect(districtName(d, 'ru')).toBe('Бекабадский район');
		expect(districtName(d, 'en')).toBe('Bekobod tumani');
		const r = regionBySoato(TASHKENT_CITY)!;
		expect(regionName(r, 'ru')).toBe('город Ташкент');
		expect(regionName(r, 'en')).toBe(r.uz);
	});

	it('keeps the reference data read-only', () => {
		expect(Object.isFrozen(DISTRICTS)).toBe(true);
		expect(Object.isFrozen(DISTRICTS[0])).toBe(true);
		expect(Object.isFrozen(districtsOfRegion(TASHKENT_CITY))).toBe(true);
	});
});
