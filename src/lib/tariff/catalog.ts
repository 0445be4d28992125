import { TariffError } from './errors';
import { validateTariffVersions } from './validate';
import type { TariffVersion } from './versions';

/** The versions of one list, checked, grouped by class and sorted by start date. */
interface Catalog {
	readonly byClass: ReadonlyMap<string, readonly TariffVersion[]>;
}

// Keyed by the list itself, so a list is validated once however many months are rated with it.
// Lists are immutable data: change a version by passing a new list.
const catalogs = new WeakMap<readonly TariffVersion[], Catalog>();

export function catalogOf(versions: readonly TariffVersion[]): Catalog {
	let catalog = catalogs.get(versions);
	if (catalog === undefined) {
		validateTariffVersions(versions);
		const byClass = new Map<string, TariffVersion[]>();
		for (const version of versions) {
			const list = byClass.get(version.tariffClass) ?? [];
			list.push(version);
			byClass.set(version.tariffClass, list);
		}
		for (const list of byClass.values()) {
			list.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
		}
		catalog = { byClass };
		catalogs.set(versions, catalog);
	}
	return catalog;
}

/** The versions of a class, oldest first; throws `NO_TARIFF` for a class with none. */
export function versionsOfClass(
	versions: readonly TariffVersion[],
	tariffClass: string
): readonly TariffVersion[] {
	const list = catalogOf(versions).byClass.get(tariffClass);
	if (list === undefined) {
		throw new TariffError(
			'NO_TARIFF',
			`there is no tariff version of class ${JSON.stringify(tariffClass) ?? String(tariffClass)}`
		);
	}
	return list;
}
