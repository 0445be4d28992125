import { describe, expect, it } from 'vitest';
import {
	HOUSEHOLD_2024_05,
	HOUSEHOLD_2025_05,
	rateMonth,
	rateUsage,
	STOVE_2024_05,
	TARIFF_VERSIONS
} from '$lib/tariff';
import { explainIn } from '$lib/i18n/allCatalogues';

/** No-break space: between thousands in uz, uz-Cyrl and ru, and between a number and its unit. */
const _ = '\u00a0';

describe('a bill explained', () => {
	const rating = rateUsage(HOUSEHOLD_2024_05.blocks, '300');

	it('reads in English', () => {
		expect(explainIn(rating, 'en')).toEqual({
			lines: [
				`200${_}kWh within the social norm × 450 = 90,000${_}so'm`,
				`100${_}kWh above the norm (200–1,000${_}kWh) × 900 = 90,000${_}so'm`
			],
			total: `Total: 180,000${_}so'm`
		});
	});

	it('reads in Uzbek (Latin)', () => {
		expect(explainIn(rating, 'uz')).toEqual({
			lines: [
				`200${_}kVt·soat ijtimoiy norma doirasida × 450 = 90${_}000${_}soʻm`,
				`100${_}kVt·soat normadan ortiq (200–1${_}000${_}kVt·soat) × 900 = 90${_}000${_}soʻm`
			],
			total: `Jami: 180${_}000${_}soʻm`
		});
	});

	it('reads in Uzbek (Cyrillic)', () => {
		expect(explainIn(rating, 'uz-Cyrl')).toEqual({
			lines: [
				`200${_}кВт·соат ижтимоий норма доирасида × 450 = 90${_}000${_}сўм`,
				`100${_}кВт·соат нормадан ортиқ (200–1${_}000${_}кВт·соат) × 900 = 90${_}000${_}сўм`
			],
			total: `Жами: 180${_}000${_}сўм`
		});
	});

	it('reads in Russian', () => {
		expect(explainIn(rating, 'ru')).toEqual({
			lines: [
				`200${_}кВт·ч в пределах социальной нормы × 450 = 90${_}000${_}сум`,
				`100${_}кВт·ч сверх нормы (200–1${_}000${_}кВт·ч) × 900 = 90${_}000${_}сум`
			],
			total: `Итого: 180${_}000${_}сум`
		});
	});

	it('names the open top block by where it starts', () => {
		const top = explainIn(rateUsage(STOVE_2024_05.blocks, '12345.678'), 'en').lines.at(-1);
		expect(top).toBe(
			`2,345.678${_}kWh above the norm (over 10,000${_}kWh) × 900 = 2,111,110.20${_}so'm`
		);
		expect(explainIn(rateUsage(STOVE_2024_05.blocks, '12345.678'), 'ru').lines.at(-1)).toBe(
			`2${_}345,678${_}кВт·ч сверх нормы (свыше 10${_}000${_}кВт·ч) × 900 = 2${_}111${_}110,20${_}сум`
		);
		expect(explainIn(rateUsage(STOVE_2024_05.blocks, '12345.678'), 'uz').lines.at(-1)).toBe(
			`2${_}345,678${_}kVt·soat normadan ortiq (10${_}000${_}kVt·soatdan yuqori) × 900 = 2${_}111${_}110,20${_}soʻm`
		);
	});

	it('tells each block above the norm apart', () => {
		const lines = explainIn(rateUsage(HOUSEHOLD_2025_05.blocks, '1200'), 'en').lines;
		expect(lines).toEqual([
			`200${_}kWh within the social norm × 600 = 120,000${_}so'm`,
			`300${_}kWh above the norm (200–500${_}kWh) × 800 = 240,000${_}so'm`,
			`500${_}kWh above the norm (500–1,000${_}kWh) × 1,000 = 500,000${_}so'm`,
			`200${_}kWh above the norm (1,000–5,000${_}kWh) × 1,500 = 300,000${_}so'm`
		]);
	});

	it('shows fractional prices and tiyin as the locale writes them', () => {
		const rating = rateUsage(STOVE_2024_05.blocks, '5000.001');
		expect(explainIn(rating, 'ru').lines.at(-1)).toBe(
			`0,001${_}кВт·ч сверх нормы (5${_}000–10${_}000${_}кВт·ч) × 787,5 = 0,79${_}сум`
		);
		expect(explainIn(rating, 'en').lines.at(-1)).toBe(
			`0.001${_}kWh above the norm (5,000–10,000${_}kWh) × 787.5 = 0.79${_}so'm`
		);
	});

	it('of no usage has no lines and a zero total', () => {
		expect(explainIn(rateUsage(HOUSEHOLD_2025_05.blocks, 0), 'uz')).toEqual({
			lines: [],
			total: `Jami: 0${_}soʻm`
		});
	});

	it('of a flat tariff names no norm', () => {
		const flat = [{ upToKwh: null, pricePerKwh: '500' }];
		expect(explainIn(rateUsage(flat, '10'), 'en').lines).toEqual([
			`10${_}kWh × 500 = 5,000${_}so'm`
		]);
	});

	it('of a part of a split month shows that part’s share of the norm', () => {
		const versions = [
			...TARIFF_VERSIONS,
			{
				id: 'HOUSEHOLD_2026_05',
				tariffClass: 'household',
				effectiveFrom: '2026-05-16',
				blocks: [
					{ upToKwh: '200', pricePerKwh: '700' },
					{ upToKwh: null, pricePerKwh: '1000' }
				]
			}
		];
		const month = rateMonth(versions, 'household', '2026-05', '310');
		expect(explainIn(month.parts[0].rating, 'en')).toEqual({
			lines: [
				`96.774${_}kWh within the social norm × 600 = 58,064.40${_}so'm`,
				`53.226${_}kWh above the norm (96.774–241.935${_}kWh) × 800 = 42,580.80${_}so'm`
			],
			total: `Total: 100,645.20${_}so'm`
		});
		expect(explainIn(month, 'en').total).toBe(`Total: 229,677.40${_}so'm`);
	});
});
