import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tryKwhTextToWh, whToKwhText } from '../../src/lib/domain/readings/kwh';
import { parseReadingRow } from '../../src/lib/domain/readings/ingest';

describe('kWh as machines send it', () => {
	it('turns kWh with up to three decimals into exact watt-hours', () => {
		expect(tryKwhTextToWh('12345.678')).toBe(12_345_678);
		expect(tryKwhTextToWh('0.1')).toBe(100);
		expect(tryKwhTextToWh('0.02')).toBe(20);
		expect(tryKwhTextToWh('7')).toBe(7000);
		expect(tryKwhTextToWh('999999999999.999')).toBe(999_999_999_999_999);
	});

	it('refuses anything that is not a plain kWh decimal rather than guessing', () => {
		for (const bad of [
			'',
			'-1',
			'1.2345',
			'1e3',
			' 1',
			'1,5',
			'0x10',
			'Infinity',
			'.5',
			'5.',
			'1000000000000'
		]) {
			expect(tryKwhTextToWh(bad)).toBeNull();
		}
	});

	it('reads back every value it writes, to the watt-hour', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 999_999_999_999_999 }), (wh) => {
				expect(tryKwhTextToWh(whToKwhText(wh))).toBe(wh);
			})
		);
	});
});

describe('a reading row', () => {
	it('is accepted with a serial, a calendar day and a kWh string', () => {
		expect(parseReadingRow({ meter: ' SM1 ', date: '2026-10-31', kwh: '1.5' })).toEqual({
			ok: true,
			meter: 'SM1',
			date: '2026-10-31',
			valueWh: 1500
		});
	});

	it('says which part is wrong', () => {
		expect(parseReadingRow('SM1,2026-10-31,1')).toMatchObject({
			ok: false,
			reason: 'malformed_row'
		});
		expect(parseReadingRow({ date: '2026-10-31', kwh: '1' })).toMatchObject({
			ok: false,
			reason: 'malformed_row'
		});
		expect(parseReadingRow({ meter: 'SM1', date: '2026-02-30', kwh: '1' })).toMatchObject({
			ok: false,
			reason: 'malformed_date'
		});
		expect(parseReadingRow({ meter: 'SM1', date: '31.10.2026', kwh: '1' })).toMatchObject({
			reason: 'malformed_date'
		});
		expect(parseReadingRow({ meter: 'SM1', date: '2026-10-31', kwh: 12.5 })).toMatchObject({
			reason: 'malformed_number'
		});
		expect(parseReadingRow({ meter: 'SM1', date: '2026-10-31', kwh: '12.3456' })).toMatchObject({
			reason: 'malformed_number'
		});
	});
});
