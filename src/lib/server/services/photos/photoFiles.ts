/**
 * Where photos live on disk: `$DATA_DIR/uploads/<first 2 hex>/<sha256>` once whole (two hex
 * digits spread them over 256 folders), `<sha256>.partial` while they arrive. A photo appears
 * under its final name only complete and checked, by a rename, so a reader never sees half.
 */
import { constants } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { config } from '../../config';

export const uploadsDir = () => join(config.dataDir, 'uploads');

export function photoPath(sha256: string): string {
	return join(uploadsDir(), sha256.slice(0, 2), sha256);
}

export const partialPath = (sha256: string) => `${photoPath(sha256)}.partial`;

/** How many bytes of the partial file are on disk (0 when there is none). */
export async function partialSize(sha256: string): Promise<number> {
	try {
		return (await stat(partialPath(sha256))).size;
	} catch {
		return 0;
	}
}

/**
 * The partial file opened for writing from `offset` on: anything past it (bytes written before
 * a crash that the database never counted) is cut off first.
 */
export async function openPartialAt(sha256: string, offset: number): Promise<FileHandle> {
	const path = partialPath(sha256);
	await mkdir(join(uploadsDir(), sha256.slice(0, 2)), { recursive: true });
	// Not O_APPEND: positional writes must land where the offset says.
	const file = await open(path, constants.O_WRONLY | constants.O_CREAT, 0o640);
	await file.truncate(offset);
	return file;
}

/** The first `length` bytes of the partial file. */
export async function readPartialHead(sha256: string, length: number): Promise<Uint8Array> {
	const file = await open(partialPath(sha256), 'r');
	try {
		const head = Buffer.alloc(length);
		const { bytesRead } = await file.read(head, 0, length, 0);
		return head.subarray(0, bytesRead);
	} finally {
		await file.close();
	}
}

export const readPartial = (sha256: string) => readFile(partialPath(sha256));

/** Moves the whole, checked partial file to its final name, durably. */
export async function completePartial(sha256: string): Promise<void> {
	const file = await open(partialPath(sha256), 'r+');
	try {
		await file.sync();
	} finally {
		await file.close();
	}
	await rename(partialPath(sha256), photoPath(sha256));
}

export async function deletePartial(sha256: string): Promise<void> {
	await rm(partialPath(sha256), { force: true });
}

export const readPhoto = (sha256: string) => readFile(photoPath(sha256));
