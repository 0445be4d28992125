import { asc, gt } from 'drizzle-orm';
import type { Db } from '../db';
import { tariffVersions } from '../db/schema';
import { BusinessRuleError, DomainError } from './errors';
import type { z } from 'zod';
import type { rateMonthInput } from '../../domain/tariffQuery';
import { reserveVersions } from '../db/version';
import {
	rateMonth,
	TariffError,
	TARIFF_VERSIONS,
	validateTariffVersions,
	type TariffVersion
} from '../../tariff';
import type { SessionUser } from '../auth/session';
import { explainIn } from '../../i18n/allCatalogues';

/** Every database holds the published versions; adding them again changes nothing. */
export function ensurePublishedTariffs(db: Db, nowMs: number): void {
	for (const v of TARIFF_VERSIONS)
		db.insert(tariffVersions)
			.values({
				id: v.id,
				tariffClass: v.tariffClass,
				effectiveFrom: v.effectiveFrom,
				blocksJson: JSON.stringify(v.blocks),
				publishedAtMs: nowMs
			})
			.onConflictDoNothing()
			.run();
}

function toVersion(row: typeof tariffVersions.$inferSelect): TariffVersion {
	return {
		id: row.id,
		tariffClass: row.tariffClass,
		effectiveFrom: row.effectiveFrom,
		blocks: JSON.parse(row.blocksJson)
	};
}

/** The versions in force as data, validated by the tariff module. */
export function loadTariffVersions(db: Db): readonly TariffVersion[] {
	return validateTariffVersions(
		db.select().from(tariffVersions).orderBy(asc(tariffVersions.effectiveFrom)).all().map(toVersion)
	);
}

export function tariffRowsSince(db: Db, sinceVersion: number) {
	return db
		.select()
		.from(tariffVersions)
		.where(gt(tariffVersions.version, sinceVersion))
		.all()
		.map((row) => ({ version: row.version, row: toVersion(row) }));
}

/**
 * An operator publishes a new version (say, the indexation of 1 May). It is checked together
 * with the versions already in force; a problem is refused with the tariff module's message.
 */
export function publishTariffVersion(
	db: Db,
	operator: SessionUser,
	input: unknown,
	nowMs: number
): TariffVersion {
	let all: readonly TariffVersion[];
	try {
		all = validateTariffVersions([...loadTariffVersions(db), input]);
	} catch (error) {
		if (error instanceof TariffError) throw new BusinessRuleError(error.message);
		throw error;
	}
	const version = all.find((v) => v.id === (input as { id?: unknown }).id);
	if (!version) throw new BusinessRuleError('error.invalid_input');
	if (all.filter((v) => v.id === version.id).length > 1)
		throw new BusinessRuleError('error.tariff_exists');
	db.insert(tariffVersions)
		.values({
			id: version.id,
			tariffClass: version.tariffClass,
			effectiveFrom: version.effectiveFrom,
			blocksJson: JSON.stringify(version.blocks),
			publishedAtMs: nowMs,
			publishedByUserId: operator.id,
			version: reserveVersions(db)
		})
		.run();
	return version;
}

type RateMonthQuery = z.output<typeof rateMonthInput>;

/** A month's bill with the versions in force on the server, explained in the asker's language. */
export function rateMonthExplained(db: Db, input: RateMonthQuery) {
	try {
		const rating = rateMonth(
			loadTariffVersions(db),
			input.tariffClass,
			input.month,
			input.usageKwh
		);
		return { amount: rating.total.toFixed(2), ...explainIn(rating, input.locale) };
	} catch (error) {
		if (error instanceof TariffError) throw new DomainError('bad_request', error.message);
		throw error;
	}
}
