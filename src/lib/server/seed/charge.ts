import Decimal from 'decimal.js';
import { rateMonth, TARIFF_VERSIONS } from '../../tariff';

const earliest = (tariffClass: string) =>
	TARIFF_VERSIONS.filter((v) => v.tariffClass === tariffClass)
		.map((v) => v.effectiveFrom.slice(0, 7))
		.sort()[0];

/** A month's charge in tiyin from the tariff module, or null for a month before any tariff. */
export function monthlyChargeTiyin(
	tariffClass: 'household' | 'stove',
	month: string,
	usageWh: number
): number | null {
	const first = earliest(tariffClass);
	if (!first || month < first) return null;
	const rating = rateMonth(TARIFF_VERSIONS, tariffClass, month, new Decimal(usageWh).div(1000));
	return rating.total.times(100).toNumber();
}
