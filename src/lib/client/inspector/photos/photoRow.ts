import type { PhotoType } from '$lib/domain/inspection/workOrders';

/** What a visit's result names a photo by (the `photos` of `inspection.record`). */
export interface StoredPhoto {
	sha256: string;
	sizeBytes: number;
	type: PhotoType;
	createdAtMs: number;
}

/**
 * - pending: on the phone only, or partly on the server; the uploader sends the rest
 * - uploaded: the server has all of it and checked its hash; the Blob may be gone
 * - refused: the server will never take it (too big, not an image, wrong hash); kept, not retried
 */
export type PhotoState = 'pending' | 'uploaded' | 'refused';

/** One photo in the device's local `photos` table, keyed by its SHA-256. */
export interface PhotoRow extends StoredPhoto {
	state: PhotoState;
	/** The shrunk JPEG itself; null once uploaded and dropped to free the phone's storage. */
	blob: Blob | null;
	/** The server's refusal (a message key), or the last failure while pending; null otherwise. */
	lastError: string | null;
	uploadedAtMs: number | null;
}
