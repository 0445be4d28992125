/**
 * The phone's uploader (client/inspector/photos) on fake-indexeddb, against the server's real
 * uploads endpoints behind the real hook in a local HTTP server, through a network that can fail
 * or break a chunk halfway.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { TokDb } from '../../../src/lib/client/db';
import {
	addPhoto,
	photoObjectUrl,
	startPhotoUploads,
	type PhotoUploadOptions
} from '../../../src/lib/client/inspector/photos';
import { signIn } from '../../../src/lib/server/services/auth';
import { photos } from '../../../src/lib/server/db/schema';
import { seededDb } from '../../integration/helpers/testDb';
import { startUploadServer } from '../../integration/helpers/uploadServer';
import { aJpeg, sha256Of } from '../../integration/helpers/photos';

let seeded: Awaited<ReturnType<typeof seededDb>>;
let server: Awaited<ReturnType<typeof startUploadServer>>;
let token: string;

beforeAll(async () => {
	seeded = await seededDb(3);
	process.env.DATA_DIR = seeded.dir;
	token = (await signIn(seeded.db, { login: 'inspector', password: 'inspect12345' }, Date.now()))
		.token;
	server = await startUploadServer();
});
afterAll(async () => {
	await server?.stop();
	seeded?.cleanup();
});

let n = 0;
const aPhoneDb = () => new TokDb(`tok-photos-${++n}`, { indexedDB, IDBKeyRange });
/** Keeps the bytes as they are: Node has no canvas, and the server checks bytes, not pixels. */
const asIs = { shrink: async (file: Blob) => file };

type Fault = 'fail' | 'breakHalfway' | null;

/** The phone's network: the session cookie a browser would send, a log, and faults to inject. */
function aNetwork() {
	const patches: number[] = [];
	const faults: Fault[] = [];
	let down = false;
	const doFetch: typeof fetch = async (input, init = {}) => {
		const headers = new Headers(init.headers);
		headers.set('cookie', `tok_session=${token}`);
		headers.set('origin', server.baseUrl);
		const method = init.method ?? 'GET';
		if (down) throw new TypeError('Failed to fetch');
		if (method !== 'PATCH') return fetch(input, { ...init, headers });
		patches.push(Number(headers.get('Upload-Offset')));
		const fault = faults.shift() ?? null;
		if (fault === 'fail') throw new TypeError('Failed to fetch');
		if (fault === 'breakHalfway') {
			const bytes = new Uint8Array(await (init.body as Blob).arrayBuffer());
			let sent = false;
			const body = new ReadableStream<Uint8Array>({
				async pull(controller) {
					if (!sent) {
						sent = true;
						controller.enqueue(bytes.subarray(0, Math.floor(bytes.length / 2)));
						return;
					}
					await new Promise((resolve) => setTimeout(resolve, 100));
					controller.error(new Error('the connection broke'));
				}
			});
			// @ts-expect-error Node's fetch streams a body only half-duplex.
			await fetch(input, { ...init, headers, body, duplex: 'half' });
		}
		return fetch(input, { ...init, headers, body: init.body });
	};
	return {
		patches,
		faults,
		set down(value: boolean) {
			down = value;
		},
		options: (extra: PhotoUploadOptions = {}): PhotoUploadOptions => ({
			baseUrl: server.baseUrl,
			fetch: doFetch,
			events: null,
			random: () => 0,
			...extra
		})
	};
}

const jpegFile = (bytes: Buffer) => new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' });
const serverRow = (sha256: string) =>
	seeded.db.select().from(photos).where(eq(photos.sha256, sha256)).get();
const storedBytes = (sha256: string) =>
	readFileSync(join(seeded.dir, 'uploads', sha256.slice(0, 2), sha256));

describe('the phone uploads its photos', () => {
	it('a photo taken offline reaches the server whole, in 64 kB chunks, and the phone frees its copy', async () => {
		const db = aPhoneDb();
		const bytes = aJpeg(150_000);
		const photo = await addPhoto(db, jpegFile(bytes), asIs);
		expect(photo).toMatchObject({
			sha256: sha256Of(bytes),
			sizeBytes: 150_000,
			type: 'image/jpeg'
		});
		const network = aNetwork();
		const uploads = startPhotoUploads(db, network.options());
		await uploads.idle();
		uploads.stop();

		expect(network.patches).toEqual([0, 65_536, 131_072]);
		expect(serverRow(photo.sha256)?.complete).toBe(true);
		expect(storedBytes(photo.sha256).equals(bytes)).toBe(true);
		const row = await db.photos.get(photo.sha256);
		expect(row).toMatchObject({ state: 'uploaded', blob: null, lastError: null });
		// The thumbnail then comes from the server's copy.
		expect(await photoObjectUrl(db, photo.sha256, server.baseUrl)).toBe(
			`${server.baseUrl}/api/uploads/${photo.sha256}`
		);
	});

	it('a chunk broken halfway is not sent again from the start: the next pass asks the server and goes on from what arrived', async () => {
		const db = aPhoneDb();
		const bytes = aJpeg(150_000);
		const { sha256 } = await addPhoto(db, jpegFile(bytes), asIs);
		const network = aNetwork();
		network.faults.push(null, 'breakHalfway');
		const uploads = startPhotoUploads(db, network.options());
		await uploads.idle();
		expect((await db.photos.get(sha256))?.state).toBe('pending');
		expect(serverRow(sha256)?.receivedBytes).toBe(65_536 + 32_768);

		uploads.kick();
		await uploads.idle();
		uploads.stop();
		// The broken chunk's first half stayed on the server: the resumed PATCH starts after it.
		expect(network.patches).toEqual([0, 65_536, 98_304]);
		expect((await db.photos.get(sha256))?.state).toBe('uploaded');
		expect(storedBytes(sha256).equals(bytes)).toBe(true);
	});

	it('offline, the photo waits; `online` sends it without a kick', async () => {
		const db = aPhoneDb();
		const bytes = aJpeg(40_000);
		const { sha256 } = await addPhoto(db, jpegFile(bytes), asIs);
		const network = aNetwork();
		network.down = true;
		const events = new EventTarget();
		const uploads = startPhotoUploads(db, network.options({ events }));
		await uploads.idle();
		expect(await db.photos.get(sha256)).toMatchObject({
			state: 'pending',
			lastError: 'error.network'
		});
		expect(serverRow(sha256)).toBeUndefined();

		network.down = false;
		events.dispatchEvent(new Event('online'));
		await uploads.idle();
		uploads.stop();
		expect((await db.photos.get(sha256))?.state).toBe('uploaded');
		expect(serverRow(sha256)?.complete).toBe(true);
	});

	it('after a failure it tries again by itself, after a backoff', async () => {
		const db = aPhoneDb();
		const { sha256 } = await addPhoto(db, jpegFile(aJpeg(10_000)), asIs);
		const network = aNetwork();
		network.faults.push('fail');
		const uploads = startPhotoUploads(db, network.options());
		await uploads.idle();
		expect((await db.photos.get(sha256))?.state).toBe('pending');
		// random 0: the first retry waits half of BACKOFF_BASE_MS (2 s).
		await new Promise((resolve) => setTimeout(resolve, 1_300));
		await uploads.idle();
		uploads.stop();
		expect((await db.photos.get(sha256))?.state).toBe('uploaded');
		expect(network.patches).toEqual([0, 0]);
	});

	it('a photo the server already has is not sent again, and the same picture added twice is one photo', async () => {
		const db = aPhoneDb();
		const bytes = aJpeg(20_000);
		const first = await addPhoto(db, jpegFile(bytes), asIs);
		const network = aNetwork();
		const uploads = startPhotoUploads(db, network.options({ dropUploaded: false }));
		await uploads.idle();
		uploads.stop();

		const again = await addPhoto(db, jpegFile(bytes), asIs);
		expect(again).toEqual(first);
		expect(await db.photos.count()).toBe(1);
		// Another phone with the same photo: the server says it has it all; no byte goes.
		const other = aPhoneDb();
		await addPhoto(other, jpegFile(bytes), asIs);
		const otherNetwork = aNetwork();
		const otherUploads = startPhotoUploads(other, otherNetwork.options());
		await otherUploads.idle();
		otherUploads.stop();
		expect(otherNetwork.patches).toEqual([]);
		expect((await other.photos.get(first.sha256))?.state).toBe('uploaded');
	});

	it('a photo whose copy on the phone was damaged is refused with the server’s reason and not retried', async () => {
		const db = aPhoneDb();
		const bytes = aJpeg(30_000);
		const { sha256 } = await addPhoto(db, jpegFile(bytes), asIs);
		const damaged = Buffer.from(bytes);
		damaged[20_000] ^= 0xff;
		await db.photos.update(sha256, { blob: jpegFile(damaged) });
		const network = aNetwork();
		const uploads = startPhotoUploads(db, network.options());
		await uploads.idle();
		uploads.stop();
		expect(await db.photos.get(sha256)).toMatchObject({
			state: 'refused',
			lastError: 'error.photo_checksum'
		});
		expect(serverRow(sha256)).toBeUndefined();
		expect(existsSync(join(seeded.dir, 'uploads', sha256.slice(0, 2), sha256))).toBe(false);
	});

	it('a file that is not a picture is refused on the phone with error.photo_not_image, and nothing is kept', async () => {
		const db = aPhoneDb();
		const pdf = new Blob(['%PDF-1.7'], { type: 'application/pdf' });
		await expect(addPhoto(db, pdf)).rejects.toThrow('error.photo_not_image');
		expect(await db.photos.count()).toBe(0);
	});
});
