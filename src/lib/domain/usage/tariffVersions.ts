import { TARIFF_VERSIONS, type TariffVersion } from '../../tariff/versions';
import type { TariffRow } from '../sync/tables';

/**
 * The tariff versions to rate with on this device: the ones the server synced (an operator may
 * have published newer ones than this app version knows), or the published ones built into the
 * app before the first sync has brought any.
 */
export function tariffVersionsFrom(rows: readonly TariffRow[]): readonly TariffVersion[] {
	if (rows.length === 0) return TARIFF_VERSIONS;
	return [...rows].sort((a, b) =>
		a.effectiveFrom === b.effectiveFrom
			? a.id < b.id
				? -1
				: 1
			: a.effectiveFrom < b.effectiveFrom
				? -1
				: 1
	);
}
