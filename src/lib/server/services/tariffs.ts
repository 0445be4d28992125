import {
	MAX_TARIFF_BLOCKS,
	priceTiyin,
	priceWithinLimits,
	TARIFF_PRICE_SOM
} from '../../domain/tariffLimits';
import { asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../db';
import { SHARED_TOMBSTONE_ACCOUNT_ID, syncTombstones, tariffVersions } from '../db/schema';
import { isCalendarDay, tashkentToday } from '../../domain/dates';
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

// The operator's limits live in the domain: the back office's form checks them before sending.
export { MAX_TARIFF_BLOCKS, TARIFF_PRICE_SOM };

/** The operator's limits, judged before the tariff module looks at the blocks one by one. */
function checkOperatorLimits(input: unknown): void {
	const blocks = (input as { blocks?: unknown } | null)?.blocks;
	if (!Array.isArray(blocks)) return; // the tariff module names that problem
	if (blocks.length > MAX_TARIFF_BLOCKS)
		throw new BusinessRuleError(
			`a tariff version has at most ${MAX_TARIFF_BLOCKS} blocks; this one has ${blocks.length.toLocaleString('en-US')}`
		);
	blocks.forEach((block: unknown, index) => {
		const price = (block as { pricePerKwh?: unknown } | null)?.pricePerKwh;
		// Only a well-formed price is judged here (the module explains a malformed one); its
		// digits are compared as a number of tiyin, exactly.
		const tiyin = typeof price === 'string' ? priceTiyin(price) : null;
		if (tiyin === null) return;
		if (!priceWithinLimits(tiyin))
			throw new BusinessRuleError(
				`blocks[${index}].pricePerKwh: must be from ${TARIFF_PRICE_SOM.min} to ${TARIFF_PRICE_SOM.max.toLocaleString('en-US')} so'm a kWh, got ${price}`
			);
	});
}

/**
 * An operator publishes a new version (say, the indexation of 1 May). It is checked against the
 * operator's limits, then together with the versions already in force; a problem is refused
 * with its message.
 */
export function publishTariffVersion(
	db: Db,
	operator: SessionUser,
	input: unknown,
	nowMs: number
): TariffVersion {
	checkOperatorLimits(input);
	// Residents see a new price before it applies, and a day already billed keeps its price: a
	// version starts after today (Tashkent), whatever a form or a script sent.
	const effectiveFrom = (input as { effectiveFrom?: unknown } | null)?.effectiveFrom;
	if (
		typeof effectiveFrom === 'string' &&
		isCalendarDay(effectiveFrom) &&
		effectiveFrom <= tashkentToday(nowMs)
	)
		throw new BusinessRuleError('officeTools.tariffs.err.future');
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

/**
 * An operator takes back a version that is not in force yet (a wrong price caught in time).
 * Its row goes, so it may be published again corrected; phones drop it on their next pull (a
 * tombstone shared by every device). One in force has billed or may bill months: refused.
 */
export function withdrawTariffVersion(db: Db, id: string, nowMs: number): void {
	const row = db.select().from(tariffVersions).where(eq(tariffVersions.id, id)).get();
	if (!row) throw new BusinessRuleError('error.tariff_not_found');
	if (row.effectiveFrom <= tashkentToday(nowMs))
		throw new BusinessRuleError('error.tariff_in_force');
	db.delete(tariffVersions).where(eq(tariffVersions.id, id)).run();
	db.insert(syncTombstones)
		.values({
			tableName: 'tariffs',
			rowKey: id,
			accountId: SHARED_TOMBSTONE_ACCOUNT_ID,
			version: reserveVersions(db)
		})
		.run();
}
