import type { TokDb } from '$lib/client/db';
import { uploadPath } from '$lib/domain/inspection/photoUpload';
import { PHOTO_MAX_BYTES } from '$lib/domain/inspection/workOrders';
import type { PhotoRow, StoredPhoto } from './photoRow';
import { NOT_AN_IMAGE, shrinkPhoto } from './shrinkPhoto';

export interface AddPhotoOptions {
	/** The browser's shrinking (shrinkPhoto); tests without a canvas pass their own. */
	shrink?: (file: Blob) => Promise<Blob>;
	now?: () => number;
}

export async function sha256Hex(blob: Blob): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
	return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Takes a photo into the device: shrunk to a JPEG, named by its SHA-256 and kept in IndexedDB
 * until the uploader has sent it. The same picture added twice is one photo. Throws an Error
 * whose message is `error.photo_not_image` for a file that is no picture.
 */
export async function addPhoto(
	db: TokDb,
	file: File | Blob,
	{ shrink = shrinkPhoto, now = Date.now }: AddPhotoOptions = {}
): Promise<StoredPhoto> {
	const jpeg = await shrink(file);
	if (jpeg.size === 0 || jpeg.size > PHOTO_MAX_BYTES) throw new Error(NOT_AN_IMAGE);
	const sha256 = await sha256Hex(jpeg);
	return db.transaction('rw', db.photos, async () => {
		const known = await db.photos.get(sha256);
		if (known && known.state !== 'refused') return toStored(known);
		const row: PhotoRow = {
			sha256,
			sizeBytes: jpeg.size,
			type: 'image/jpeg',
			createdAtMs: now(),
			state: 'pending',
			blob: jpeg,
			lastError: null,
			uploadedAtMs: null
		};
		await db.photos.put(row);
		return toStored(row);
	});
}

const toStored = ({ sha256, sizeBytes, type, createdAtMs }: PhotoRow): StoredPhoto => ({
	sha256,
	sizeBytes,
	type,
	createdAtMs
});

/**
 * A URL to show the photo from: an object URL of the Blob on the device (the caller revokes it
 * with URL.revokeObjectURL when the thumbnail goes), or once the Blob is dropped after upload the
 * server's copy. Null for a photo this device does not know.
 */
export async function photoObjectUrl(
	db: TokDb,
	sha256: string,
	baseUrl = ''
): Promise<string | null> {
	const row = await db.photos.get(sha256);
	if (!row) return null;
	if (row.blob) return URL.createObjectURL(row.blob);
	return row.state === 'uploaded' ? `${baseUrl}${uploadPath(sha256)}` : null;
}

/** The photos this device still has to send, oldest first. */
export async function photosToUpload(db: TokDb): Promise<PhotoRow[]> {
	const rows = await db.photos.where('state').equals('pending').toArray();
	return rows.sort((a, b) => a.createdAtMs - b.createdAtMs);
}

/**
 * Forgets a photo taken off a visit before it was sent, so that it is never uploaded. A photo
 * already uploaded is kept, and so is one a recorded visit in the outbox names (the same picture
 * attached to two visits is one photo).
 */
export async function discardPhoto(db: TokDb, sha256: string): Promise<void> {
	await db.transaction('rw', db.photos, db.outbox, async () => {
		const row = await db.photos.get(sha256);
		if (!row || row.state === 'uploaded') return;
		const named = await db.outbox
			.filter(
				(command) =>
					command.kind === 'inspection.record' &&
					(command.payload as { photos?: Array<{ sha256: string }> }).photos?.some(
						(photo) => photo.sha256 === sha256
					) === true
			)
			.count();
		if (named === 0) await db.photos.delete(sha256);
	});
}
