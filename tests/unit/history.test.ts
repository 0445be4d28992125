import { describe, expect, it } from 'vitest';
import {
	chargesNewestFirst,
	paymentEntries,
	readingRowsNewestFirst,
	readingsCsvFilename
} from '../../src/lib/domain/usage/history';
import type { DailyReading } from '../../src/lib/domain/usage/series';
import type { ChargeRow, LedgerRow } from '../../src/lib/domain/sync/tables';
import { virtualWindow } from '../../src/lib/components/history/virtualWindow';

const aReading = (date: string, valueWh: number, meterId = 7): DailyReading => ({
	date,
	meterId,
	valueWh,
	source: 'smart',
	estimated: false
});

const anEntry = (
	id: number,
	kind: LedgerRow['kind'],
	date: string,
	amountTiyin: number
): LedgerRow => ({
	id,
	accountId: 1,
	kind,
	amountTiyin,
	date,
	operator: kind === 'payment' ? 'payme' : null,
	sourceRef: `x:${id}`
});

describe('the readings history', () => {
	it('lists readings newest first, each with the use since the meter’s previous reading', () => {
		const rows = readingRowsNewestFirst([
			aReading('2026-01-01', 1_000_000),
			aReading('2026-01-02', 1_005_500),
			aReading('2026-01-02', 50, 8),
			aReading('2026-01-03', 1_017_750)
		]);
		expect(rows.map((r) => [r.date, r.meterId, r.usageWh])).toEqual([
			['2026-01-03', 7, 12_250],
			['2026-01-02', 8, null],
			['2026-01-02', 7, 5_500],
			['2026-01-01', 7, null]
		]);
	});

	it('exports to a file named after the account', () => {
		expect(readingsCsvFilename('1726001001')).toBe('tok-readings-1726001001.csv');
		expect(readingsCsvFilename('17/26 001')).toBe('tok-readings-17_26_001.csv');
	});
});

describe('the payments history', () => {
	it('lists money in and out but not the monthly charges, newest first', () => {
		const list = paymentEntries([
			anEntry(1, 'charge', '2026-02-01', -12_000_000),
			anEntry(2, 'payment', '2026-02-05', 12_000_000),
			anEntry(3, 'payment', '2026-03-04', 10_000_000),
			anEntry(5, 'refund', '2026-03-04', -500_000),
			anEntry(4, 'adjustment', '2026-01-10', 100)
		]);
		expect(list.map((e) => e.id)).toEqual([5, 3, 2, 4]);
	});

	it('lists charges by month, newest first', () => {
		const charge = (month: string) => ({ id: `1:${month}`, month }) as ChargeRow;
		expect(
			chargesNewestFirst([charge('2025-12'), charge('2026-02'), charge('2026-01')]).map(
				(c) => c.month
			)
		).toEqual(['2026-02', '2026-01', '2025-12']);
	});
});

describe('a long list on a small phone', () => {
	it('puts only the rows in view, and a few around them, in the page', () => {
		expect(
			virtualWindow({ count: 730, rowPx: 56, scrollTopPx: 5600, viewportPx: 560, overscan: 5 })
		).toEqual({ start: 95, end: 116, offsetPx: 95 * 56, totalPx: 730 * 56 });
	});

	it('starts at the top and stops at the last row', () => {
		expect(virtualWindow({ count: 730, rowPx: 56, scrollTopPx: 0, viewportPx: 560 })).toMatchObject(
			{
				start: 0,
				offsetPx: 0
			}
		);
		const bottom = virtualWindow({ count: 730, rowPx: 56, scrollTopPx: 99_999, viewportPx: 560 });
		expect(bottom.end).toBe(730);
		expect(bottom.start).toBeLessThan(730 - 10);
	});

	it('renders every row of a short list and nothing of an empty one', () => {
		expect(virtualWindow({ count: 3, rowPx: 56, scrollTopPx: 0, viewportPx: 560 })).toEqual({
			start: 0,
			end: 3,
			offsetPx: 0,
			totalPx: 168
		});
		expect(virtualWindow({ count: 0, rowPx: 56, scrollTopPx: 0, viewportPx: 560 })).toMatchObject({
			start: 0,
			end: 0
		});
	});
});
