import { createContext } from 'svelte';

/**
 * The inspector's photo uploader, started by the root layout beside the sync: a page that has
 * just taken a photo kicks it, so that it goes now rather than at the next retry.
 */
export interface UploadsSlot {
	uploads: { kick(): void } | null;
}

export const [getUploadsContext, setUploadsContext] = createContext<UploadsSlot>();
