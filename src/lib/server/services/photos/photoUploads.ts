/**
 * Receiving inspectors' photos over tus (domain/inspection/photoUpload.ts), each named by its
 * SHA-256: a `photos` row says how much has arrived, the bytes go to a partial file as they come,
 * and the last byte checks the hash before the photo counts as stored. See README.md.
 */
import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db';
import { photos } from '../../db/schema';
import type { SessionUser } from '../../auth/session';
import {
	isPhotoType,
	isSha256Hex,
	MAGIC_BYTES,
	startsAsType
} from '$lib/domain/inspection/photoUpload';
import { PHOTO_MAX_BYTES, type PhotoType } from '$lib/domain/inspection/workOrders';
import {
	completePartial,
	deletePartial,
	openPartialAt,
	partialSize,
	readPartial,
	readPartialHead
} from './photoFiles';
import { UploadRefused } from './uploadRefused';

export interface UploadState {
	offset: number;
	length: number;
}

/** Only inspectors upload: anyone else is refused before anything is read or stored. */
export function assertUploader(user: SessionUser | null): asserts user is SessionUser {
	if (!user) throw new UploadRefused('signed_out');
	if (user.role !== 'inspector') throw new UploadRefused('forbidden');
}

export function parseSha256(text: string | undefined): string {
	if (!text || !isSha256Hex(text)) throw new UploadRefused('bad_hash');
	return text;
}

type PhotoRow = typeof photos.$inferSelect;

const photoRow = (db: Db, sha256: string): PhotoRow | undefined =>
	db.select().from(photos).where(eq(photos.sha256, sha256)).get();

/**
 * How much of an unfinished photo is really there: the row's count, unless the disk holds less
 * (a crash before the file's bytes were flushed); the next PATCH goes on from the smaller.
 */
async function receivedOf(row: PhotoRow): Promise<number> {
	if (row.complete) return row.sizeBytes;
	return Math.min(row.receivedBytes, await partialSize(row.sha256));
}

export interface CreateUpload {
	sha256: string | undefined;
	type: string | undefined;
	lengthHeader: string | null;
}

/**
 * tus creation: announces a photo. One the server already has whole answers its full length (it
 * is stored once however often it is sent); one partly here answers how much, so that the phone
 * goes on from there.
 */
export async function createUpload(
	db: Db,
	user: SessionUser,
	input: CreateUpload,
	nowMs: number
): Promise<UploadState> {
	const sha256 = parseSha256(input.sha256);
	if (!input.lengthHeader || !/^\d{1,15}$/.test(input.lengthHeader))
		throw new UploadRefused('bad_length');
	const length = Number(input.lengthHeader);
	if (length === 0) throw new UploadRefused('bad_length');
	if (length > PHOTO_MAX_BYTES) throw new UploadRefused('too_big');
	if (!input.type || !isPhotoType(input.type)) throw new UploadRefused('not_a_photo');
	const type: PhotoType = input.type;

	const known = photoRow(db, sha256);
	if (known?.complete) {
		// The same bytes always have the same length: another length is not this photo.
		if (known.sizeBytes !== length) throw new UploadRefused('bad_length');
		return { offset: length, length };
	}
	if (known && known.sizeBytes === length && known.mimeType === type)
		return { offset: await receivedOf(known), length };
	// New, or announced before with another length or type (which could never have passed the
	// hash check): starts from nothing.
	await deletePartial(sha256);
	db.insert(photos)
		.values({
			sha256,
			sizeBytes: length,
			mimeType: type,
			receivedBytes: 0,
			complete: false,
			uploadedByUserId: user.id,
			createdAtMs: nowMs
		})
		.onConflictDoUpdate({
			target: photos.sha256,
			set: { sizeBytes: length, mimeType: type, receivedBytes: 0, uploadedByUserId: user.id }
		})
		.run();
	return { offset: 0, length };
}

/** tus HEAD: how much of the photo is here. */
export async function uploadStatus(db: Db, sha256: string): Promise<UploadState> {
	const row = photoRow(db, sha256);
	if (!row) throw new UploadRefused('missing');
	return { offset: await receivedOf(row), length: row.sizeBytes };
}

/**
 * Photos a PATCH is writing right now. A second PATCH of the same photo meanwhile (two tabs of
 * one phone) is told its offset is stale; it asks again after the first is done. One server
 * process owns the uploads folder, so this set is the whole truth.
 */
const writing = new Set<string>();

export interface AppendChunk {
	sha256: string;
	offsetHeader: string | null;
	contentLength: string | null;
	body: ReadableStream<Uint8Array> | null;
	/** How long the body may go silent before it counts as broken; READ_IDLE_MS unless a test. */
	readIdleMs?: number;
}

/**
 * tus PATCH: writes the body at the offset the server has, as it arrives, so that a connection
 * broken mid-chunk keeps what came (the next HEAD says how much). The body is bounded by what the
 * photo still lacks. The first bytes must be the announced type's, the whole file's SHA-256 its
 * name: else the partial is deleted with its row, as if never sent.
 */
export async function appendChunk(
	db: Db,
	input: AppendChunk,
	nowMs: () => number
): Promise<UploadState> {
	const { sha256 } = input;
	if (!input.offsetHeader || !/^\d{1,15}$/.test(input.offsetHeader))
		throw new UploadRefused('bad_request');
	const offset = Number(input.offsetHeader);
	const row = photoRow(db, sha256);
	if (!row) throw new UploadRefused('missing');
	if (writing.has(sha256)) throw new UploadRefused('wrong_offset');
	writing.add(sha256);
	try {
		const received = await receivedOf(row);
		if (offset !== received) throw new UploadRefused('wrong_offset');
		const remaining = row.sizeBytes - offset;
		const announced = input.contentLength === null ? null : Number(input.contentLength);
		if (announced !== null && !(announced <= remaining)) throw new UploadRefused('bad_length');
		if (row.complete) return { offset, length: row.sizeBytes };

		const written = await writeBody(db, row, offset, input.body, input.readIdleMs ?? READ_IDLE_MS);
		if (written === null) throw new UploadRefused('bad_length');
		const now = offset + written;
		if (offset < MAGIC_BYTES && now > 0) {
			const head = await readPartialHead(sha256, Math.min(now, MAGIC_BYTES));
			if (!startsAsType(head, row.mimeType as PhotoType)) {
				await forget(db, sha256);
				throw new UploadRefused('not_a_photo');
			}
		}
		if (now === row.sizeBytes) await finish(db, sha256, nowMs());
		return { offset: now, length: row.sizeBytes };
	} finally {
		writing.delete(sha256);
	}
}

/**
 * Writes the body from `offset` on, counting each piece in the row as it lands. Null when the
 * body runs past the photo's length: that request's bytes are cut off again.
 */
async function writeBody(
	db: Db,
	row: PhotoRow,
	offset: number,
	body: ReadableStream<Uint8Array> | null,
	idleMs: number
): Promise<number | null> {
	if (!body) return 0;
	const remaining = row.sizeBytes - offset;
	const file = await openPartialAt(row.sha256, offset);
	const reader = body.getReader();
	let written = 0;
	let overflow = false;
	try {
		for (;;) {
			const { done, value } = await readWithin(reader, idleMs);
			if (done) break;
			if (overflow) continue; // read to the end so that the refusal is heard
			if (written + value.byteLength > remaining) {
				overflow = true;
				continue;
			}
			await file.write(value, 0, value.byteLength, offset + written);
			written += value.byteLength;
			db.update(photos)
				.set({ receivedBytes: offset + written })
				.where(eq(photos.sha256, row.sha256))
				.run();
		}
	} catch {
		// The connection broke, went silent, or hit adapter-node's BODY_SIZE_LIMIT: what landed
		// stays, counted.
		await reader.cancel().catch(() => {});
	} finally {
		if (overflow) {
			await file.truncate(offset);
			db.update(photos).set({ receivedBytes: offset }).where(eq(photos.sha256, row.sha256)).run();
		}
		await file.close();
	}
	return overflow ? null : written;
}

/**
 * tus asks both sides for a 30 s timeout: a phone whose connection died without a word would
 * otherwise hold its photo's PATCH (and so every later one) open for good.
 */
export const READ_IDLE_MS = 30_000;

async function readWithin<T>(
	reader: ReadableStreamDefaultReader<T>,
	ms: number
): Promise<ReadableStreamReadResult<T>> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const silent = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error('the upload went silent')), ms);
	});
	try {
		return await Promise.race([reader.read(), silent]);
	} finally {
		clearTimeout(timer);
	}
}

async function finish(db: Db, sha256: string, nowMs: number): Promise<void> {
	const digest = createHash('sha256')
		.update(await readPartial(sha256))
		.digest('hex');
	if (digest !== sha256) {
		await forget(db, sha256);
		throw new UploadRefused('checksum_mismatch');
	}
	await completePartial(sha256);
	db.update(photos)
		.set({ complete: true, completedAtMs: nowMs })
		.where(eq(photos.sha256, sha256))
		.run();
}

async function forget(db: Db, sha256: string): Promise<void> {
	await deletePartial(sha256);
	db.delete(photos).where(eq(photos.sha256, sha256)).run();
}

/**
 * How long an announced photo may stay unfinished. A phone keeps each photo until the server
 * has it whole, so one swept after this long is announced again and sent from the start; what
 * the sweep saves is the disk of uploads whose phone is gone (reset, lost, signed out).
 */
export const ABANDONED_UPLOAD_MS = 14 * 24 * 3_600_000;

/** Drops unfinished uploads announced more than `maxAgeMs` ago, row and partial file. */
export async function sweepAbandonedUploads(
	db: Db,
	nowMs: number,
	maxAgeMs = ABANDONED_UPLOAD_MS
): Promise<number> {
	const stale = db
		.select({ sha256: photos.sha256 })
		.from(photos)
		.where(and(eq(photos.complete, false), lt(photos.createdAtMs, nowMs - maxAgeMs)))
		.all();
	let swept = 0;
	for (const { sha256 } of stale) {
		// A chunk arriving right now: its upload is alive, whatever its age.
		if (writing.has(sha256)) continue;
		await forget(db, sha256);
		swept++;
	}
	return swept;
}

let sweeper: ReturnType<typeof setInterval> | undefined;

/** Sweeps on start, then daily, in the server process (hooks.server.ts). */
export function startUploadSweeper(db: () => Db, now: () => number): void {
	if (sweeper) return;
	const sweep = () =>
		void sweepAbandonedUploads(db(), now()).catch((error: unknown) =>
			console.error('Sweeping abandoned photo uploads failed', error)
		);
	sweeper = setInterval(sweep, 24 * 3_600_000);
	sweeper.unref();
	sweep();
}
