import { describe, expect, it } from 'vitest';
// The shared reference results (a copy of ../shared/fixtures, checked by fixtures.test.ts).
import fixture from '../../fixtures/tariff-vectors.json';
import {
	compileBlocks,
	HOUSEHOLD_2024_05,
	HOUSEHOLD_2025_05,
	usageKwhToWh,
	rateMonth,
	rateUsage,
	rateUsageTiyin,
	rateUsageTiyinLines,
	STOVE_2024_05,
	TARIFF_VERSIONS,
	type Rating,
	type TariffVersion
} from '$lib/tariff';

const versionsById = new Map<string, TariffVersion>(
	[HOUSEHOLD_2024_05, HOUSEHOLD_2025_05, STOVE_2024_05].map((version) => [version.id, version])
);

function versionOf(id: string): TariffVersion {
	const version = versionsById.get(id);
	if (version === undefined) throw new Error(`the fixture names an unknown version ${id}`);
	return version;
}

/** A rating in the fixture's string form: kWh and prices as Decimal strings, money to 2 places. */
function asStrings(rating: Rating) {
	return {
		total: rating.total.toFixed(2),
		lines: rating.lines.map((line) => ({
			fromKwh: line.fromKwh.toString(),
			toKwh: line.toKwh === null ? null : line.toKwh.toString(),
			pricePerKwh: line.pricePerKwh.toString(),
			kwh: line.kwh.toString(),
			amount: line.amount.toFixed(2)
		}))
	};
}

function tiyin(som: string): number {
	const [whole, fraction = ''] = som.split('.');
	return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

describe('the reference vectors', () => {
	it('cover all three published versions', () => {
		expect(new Set(fixture.vectors.map((vector) => vector.version))).toEqual(
			new Set(['HOUSEHOLD_2024_05', 'HOUSEHOLD_2025_05', 'STOVE_2024_05'])
		);
	});

	describe.each(fixture.vectors)('$version, $usageKwh kWh', (vector) => {
		const version = versionOf(vector.version);

		it('rate line by line and in total as published', () => {
			expect(asStrings(rateUsage(version.blocks, vector.usageKwh))).toEqual({
				total: vector.total,
				lines: vector.lines
			});
		});

		it('rate to the same tiyin on the integer path, line by line and in total', () => {
			const compiled = compileBlocks(version.blocks);
			const usageWh = usageKwhToWh(vector.usageKwh);
			expect(rateUsageTiyin(compiled, usageWh)).toBe(tiyin(vector.total));
			const lines = rateUsageTiyinLines(compiled, usageWh);
			expect(Array.from(lines.lineTiyin).filter((amount) => amount > 0)).toEqual(
				vector.lines.map((line) => tiyin(line.amount)).filter((amount) => amount > 0)
			);
			expect(lines.totalTiyin).toBe(tiyin(vector.total));
		});
	});
});

describe('the published versions by month', () => {
	it('rate April 2025 with the 2024 household prices', () => {
		const april = rateMonth(TARIFF_VERSIONS, 'household', '2025-04', '300');
		expect(april.parts.map((part) => part.versionId)).toEqual(['HOUSEHOLD_2024_05']);
		expect(april.lines.every((line) => line.versionId === 'HOUSEHOLD_2024_05')).toBe(true);
		expect(april.total.toFixed(2)).toBe('180000.00');
	});

	it('rate May 2025 with the 2025 household prices', () => {
		const may = rateMonth(TARIFF_VERSIONS, 'household', '2025-05', '300');
		expect(may.parts.map((part) => part.versionId)).toEqual(['HOUSEHOLD_2025_05']);
		expect(may.lines.every((line) => line.versionId === 'HOUSEHOLD_2025_05')).toBe(true);
		expect(may.total.toFixed(2)).toBe('200000.00');
	});

	it('rate every fixture usage by month exactly as by version', () => {
		const monthOf: Record<string, [string, string]> = {
			HOUSEHOLD_2024_05: ['household', '2025-04'],
			HOUSEHOLD_2025_05: ['household', '2025-05'],
			STOVE_2024_05: ['stove', '2025-05']
		};
		for (const vector of fixture.vectors) {
			const [tariffClass, month] = monthOf[vector.version];
			const rating = rateMonth(TARIFF_VERSIONS, tariffClass, month, vector.usageKwh);
			expect(asStrings(rating)).toEqual({ total: vector.total, lines: vector.lines });
		}
	});
});
