import type { Db } from './index';
import { districts, regions } from './schema';
import { DISTRICTS, REGIONS } from '../../domain/geo';
import { ensurePublishedTariffs } from '../services/tariffs';

/**
 * What every Tok database holds, demo or not: Uzbekistan's regions and districts and the
 * published tariff versions. Safe to run at every start.
 */
export function ensureReferenceData(db: Db, nowMs: number): void {
	db.$client
		.transaction(() => {
			for (const r of REGIONS)
				db.insert(regions)
					.values({ soato: r.soato, nameUz: r.uz, nameUzCyrl: r.uzCyrl, nameRu: r.ru })
					.onConflictDoNothing()
					.run();
			for (const d of DISTRICTS)
				db.insert(districts)
					.values({
						soato: d.soato,
						regionSoato: d.region,
						kind: d.kind,
						nameUz: d.uz,
						nameUzCyrl: d.uzCyrl,
						nameRu: d.ru
					})
					.onConflictDoNothing()
					.run();
			ensurePublishedTariffs(db, nowMs);
		})
		.immediate();
}
