import { createContext } from 'svelte';
import type { SyncHandle } from './startSync';

/** The signed-in user's sync, set by the root layout; null while nobody is signed in. */
export interface SyncSlot {
	handle: SyncHandle | null;
}

export const [getSyncContext, setSyncContext] = createContext<SyncSlot>();
