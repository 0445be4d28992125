import { page } from '$app/state';
import { liveQuery } from 'dexie';
import type { AccountSummary } from '$lib/domain/account';
import { userDb } from '../db';
import { readMeta } from '../sync/storage/meta';
import { syncStatus } from '../sync/status.svelte';
import { readNicknames } from './nicknames';
import { rememberedAccountId } from './remembered.svelte';
import { accountLabel, ACCOUNT_PARAM, pickAccount } from './selection';

export interface UserAccounts {
	/** The linked accounts on this device, by number; undefined until IndexedDB has answered. */
	readonly list: AccountSummary[] | undefined;
	readonly nicknames: Record<number, string>;
	/**
	 * Whether a sync has ever finished on this device, read with `list` in one transaction: an
	 * empty list means "no accounts" only then, and is still loading before.
	 */
	readonly syncedOnce: boolean;
	/** The account the page shows: `?account=`, else the last chosen here, else the first. */
	readonly selected: AccountSummary | null;
	label(account: AccountSummary): ReturnType<typeof accountLabel>;
}

/**
 * The signed-in user's accounts as this device holds them, kept live, with the one selected.
 * Call while a component initialises (it subscribes for the component's lifetime).
 */
export function useAccounts(userId: number): UserAccounts {
	const db = userDb(userId);
	const state = $state<{
		list: AccountSummary[] | undefined;
		nicknames: Record<number, string>;
		syncedOnce: boolean;
	}>({
		list: undefined,
		nicknames: {},
		syncedOnce: false
	});
	$effect(() => {
		// Asked again after every finished sync: the header's query has been seen to miss the
		// first sync's rows (it stayed on its placeholder while the page below showed them), and a
		// failed subscription is not retried by Dexie.
		void syncStatus.lastSyncedAtMs;
		const subscription = liveQuery(() =>
			db.transaction('r', db.accounts, db.meta, async () => ({
				list: await db.accounts.orderBy('number').toArray(),
				nicknames: await readNicknames(db),
				syncedOnce: (await readMeta(db, 'lastSyncedAtMs')) !== undefined
			}))
		).subscribe({
			next: (found) => Object.assign(state, found),
			// The database is being deleted (sign-out): keep what is shown until the page goes.
			error: () => {}
		});
		return () => subscription.unsubscribe();
	});
	const selected = $derived(
		pickAccount(
			state.list ?? [],
			page.url.searchParams.get(ACCOUNT_PARAM),
			rememberedAccountId(userId)
		)
	);
	return {
		get list() {
			return state.list;
		},
		get nicknames() {
			return state.nicknames;
		},
		get syncedOnce() {
			return state.syncedOnce;
		},
		get selected() {
			return selected;
		},
		label: (account) => accountLabel(account, state.nicknames)
	};
}
