import type { TokDb } from '../db';
import { readMeta, writeMeta } from '../sync/storage/meta';

// Names a person gives accounts ("Home", "Dacha") stay on the device, in the user's own
// database: never sent to the server, and deleted with the rest of the user's data at sign-out.
declare module '../db' {
	interface MetaValues {
		/** Account id → the name given on this device. */
		accountNicknames: Record<number, string>;
	}
}

export async function readNicknames(db: TokDb): Promise<Record<number, string>> {
	return (await readMeta(db, 'accountNicknames')) ?? {};
}

/** Sets (or, with an empty name, clears) an account's name on this device. */
export function setNickname(db: TokDb, accountId: number, nickname: string): Promise<void> {
	return db.transaction('rw', db.meta, async () => {
		const names = { ...(await readNicknames(db)) };
		if (nickname) names[accountId] = nickname;
		else delete names[accountId];
		await writeMeta(db, 'accountNicknames', names);
	});
}
