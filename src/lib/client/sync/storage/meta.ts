import type { MetaKey, MetaRow, MetaValues, TokDb } from '../../db';

/** One meta value, or undefined if never written. Works inside and outside a transaction. */
export async function readMeta<K extends MetaKey>(
	db: TokDb,
	key: K
): Promise<MetaValues[K] | undefined> {
	const row = await db.meta.get(key);
	return row?.value as MetaValues[K] | undefined;
}

export async function writeMeta<K extends MetaKey>(
	db: TokDb,
	key: K,
	value: MetaValues[K]
): Promise<void> {
	await db.meta.put({ key, value } as MetaRow);
}

export async function deleteMeta(db: TokDb, key: MetaKey): Promise<void> {
	await db.meta.delete(key);
}
