import { describe, expect, it } from 'vitest';
import { TARIFF_VERSIONS, validateTariffVersions } from '../../../src/lib/tariff';
import {
	tariffFormProblems,
	tariffFormVersion,
	type TariffForm
} from '../../../src/lib/domain/office/tariffForm';

const TODAY = '2026-12-02';
const good: TariffForm = {
	tariffClass: 'household',
	effectiveFrom: '2027-05-01',
	blocks: [
		{ upToKwh: '200', pricePerKwh: '700' },
		{ upToKwh: '1000', pricePerKwh: '1050' },
		{ upToKwh: '', pricePerKwh: '1900.5' }
	]
};

describe('the publish-a-tariff form', () => {
	it('turns a valid form into the version the server takes, and finds nothing wrong', () => {
		expect(tariffFormProblems(good, TARIFF_VERSIONS, TODAY)).toEqual({});
		const version = tariffFormVersion(good);
		expect(version).toEqual({
			id: 'HOUSEHOLD_2027_05_01',
			tariffClass: 'household',
			effectiveFrom: '2027-05-01',
			blocks: [
				{ upToKwh: '200', pricePerKwh: '700' },
				{ upToKwh: '1000', pricePerKwh: '1050' },
				{ upToKwh: null, pricePerKwh: '1900.5' }
			]
		});
		// The tariff module accepts it beside the versions in force.
		expect(() => validateTariffVersions([...TARIFF_VERSIONS, version])).not.toThrow();
	});

	it('says a start today or earlier must be in the future, and a taken day clashes', () => {
		expect(tariffFormProblems({ ...good, effectiveFrom: TODAY }, TARIFF_VERSIONS, TODAY)).toEqual({
			effectiveFrom: 'officeTools.tariffs.err.future'
		});
		const taken = TARIFF_VERSIONS.find((v) => v.tariffClass === 'household')!;
		expect(
			tariffFormProblems(
				{ ...good, effectiveFrom: taken.effectiveFrom },
				TARIFF_VERSIONS,
				'2020-01-01'
			)
		).toEqual({ effectiveFrom: 'officeTools.tariffs.err.clash' });
		expect(tariffFormProblems({ ...good, effectiveFrom: '' }, TARIFF_VERSIONS, TODAY)).toEqual({
			effectiveFrom: 'officeTools.tariffs.err.date'
		});
	});

	it('puts each block problem beside its own field', () => {
		const form: TariffForm = {
			tariffClass: '',
			effectiveFrom: '2027-05-01',
			blocks: [
				{ upToKwh: '300', pricePerKwh: '12.345' },
				{ upToKwh: '200', pricePerKwh: '50000' },
				{ upToKwh: '400', pricePerKwh: '0' }
			]
		};
		expect(tariffFormProblems(form, TARIFF_VERSIONS, TODAY)).toEqual({
			tariffClass: 'officeTools.tariffs.err.class',
			'blocks.0.pricePerKwh': 'officeTools.tariffs.err.price',
			'blocks.1.upToKwh': 'officeTools.tariffs.err.order',
			'blocks.1.pricePerKwh': 'officeTools.tariffs.err.priceRange',
			'blocks.2.upToKwh': 'officeTools.tariffs.err.lastOpen',
			'blocks.2.pricePerKwh': 'officeTools.tariffs.err.priceRange'
		});
		expect(
			tariffFormProblems({ ...good, blocks: [{ upToKwh: 'abc', pricePerKwh: '5' }] }, [], TODAY)
		).toMatchObject({ 'blocks.0.upToKwh': 'officeTools.tariffs.err.upTo' });
		expect(tariffFormProblems({ ...good, blocks: [] }, [], TODAY)).toEqual({
			blocks: 'officeTools.tariffs.err.blocks'
		});
	});
});
