import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rateMonth, TARIFF_VERSIONS } from '../../src/lib/tariff';
import { encodeChargeLines } from '../../src/lib/domain/billing';
import { whToKwhText } from '../../src/lib/domain/readings/kwh';
import { monthRater } from '../../src/lib/server/services/billing/rating';

/** A charge's lines as the decimal path of the tariff module gives them, encoded for storage. */
function decimalLinesJson(tariffClass: string, month: string, usageWh: number): string {
	const rating = rateMonth(TARIFF_VERSIONS, tariffClass, month, whToKwhText(usageWh));
	return encodeChargeLines(
		rating.lines.map((line) => ({
			versionId: line.versionId,
			fromWh: line.fromKwh.times(1000).toNumber(),
			toWh: line.toKwh === null ? null : line.toKwh.times(1000).toNumber(),
			priceTiyinPerKwh: line.pricePerKwh.times(100).toNumber(),
			wh: line.kwh.times(1000).toNumber(),
			tiyin: line.amount.times(100).toNumber()
		}))
	);
}

describe("the billing run's rating", () => {
	it('stores the same block lines and amount as the decimal path, for any usage', () => {
		const rate = monthRater(TARIFF_VERSIONS, '2026-10');
		fc.assert(
			fc.property(
				fc.constantFrom('household', 'stove'),
				fc.oneof(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: 2 ** 40 })),
				(tariffClass, usageWh) => {
					const rated = rate(tariffClass, usageWh);
					const rating = rateMonth(TARIFF_VERSIONS, tariffClass, '2026-10', whToKwhText(usageWh));
					expect(rated).toEqual({
						ok: true,
						amountTiyin: rating.total.times(100).toNumber(),
						linesJson: decimalLinesJson(tariffClass, '2026-10', usageWh)
					});
				}
			),
			{ seed: 20261101, numRuns: 500 }
		);
	});
});
