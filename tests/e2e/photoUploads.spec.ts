import { resolve } from 'node:path';
import { build, type Rollup } from 'vite';
import { expect, test } from '@playwright/test';
import { serverDb, signIn } from './helpers/app';
import { PHOTO_MAX_SIDE_PX, PHOTO_TARGET_BYTES } from '../../src/lib/domain/inspection/photoShrink';

// The phone side of photo uploads (src/lib/client/inspector/photos) in a real Chromium: its
// canvas shrinks the picture, its IndexedDB keeps it, its fetch sends it to the built server.
// No page of the app uses it yet (the inspector's screens do), so the test bundles the module
// and runs it inside the app's origin, signed in as the inspector.

let bundle = '';

test.beforeAll(async () => {
	const output = (await build({
		configFile: false,
		logLevel: 'silent',
		resolve: { alias: { $lib: resolve('src/lib') } },
		build: {
			write: false,
			minify: false,
			lib: {
				entry: resolve('tests/e2e/helpers/photosEntry.ts'),
				formats: ['iife'],
				name: 'tokPhotos'
			}
		}
	})) as Rollup.RollupOutput[];
	bundle = output[0].output[0].code;
});

// The injected bundle is no script of the app's: its policy would (rightly) refuse it.
test.use({ bypassCSP: true });

test('a photo taken in the browser is shrunk to a JPEG, kept on the phone, and reaches the server whole', async ({
	page
}) => {
	await signIn(page, 'inspector', 'inspect12345', /\/inspector$/);
	await page.addScriptTag({ content: bundle });
	const result = await page.evaluate(async () => {
		const { TokDb, addPhoto, startPhotoUploads, photoObjectUrl } = (
			window as unknown as { tokPhotos: typeof import('./helpers/photosEntry') }
		).tokPhotos;
		// A 4000×3000 "camera picture": gradients, shapes and grain, as a PNG of several MB.
		const canvas = document.createElement('canvas');
		canvas.width = 4000;
		canvas.height = 3000;
		const context = canvas.getContext('2d')!;
		const gradient = context.createLinearGradient(0, 0, 4000, 3000);
		gradient.addColorStop(0, '#2a6');
		gradient.addColorStop(1, '#a26');
		context.fillStyle = gradient;
		context.fillRect(0, 0, 4000, 3000);
		for (let i = 0; i < 400; i++) {
			context.fillStyle = `hsl(${(i * 37) % 360} 70% 50%)`;
			context.fillRect((i * 97) % 4000, (i * 61) % 3000, 120, 80);
		}
		const grain = context.getImageData(0, 0, 4000, 3000);
		for (let i = 0; i < grain.data.length; i += 4) grain.data[i] ^= (i * 2654435761) >>> 29;
		context.putImageData(grain, 0, 0);
		const png = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/png'));
		const file = new File([png], 'meter.png', { type: 'image/png' });

		const db = new TokDb('tok-e2e-photos');
		const photo = await addPhoto(db, file);
		const stored = (await db.photos.get(photo.sha256))!;
		const bitmap = await createImageBitmap(stored.blob!);
		const head = new Uint8Array(await stored.blob!.slice(0, 3).arrayBuffer());
		const thumbnail = await photoObjectUrl(db, photo.sha256);

		const uploads = startPhotoUploads(db);
		await uploads.idle();
		uploads.stop();
		const after = (await db.photos.get(photo.sha256))!;
		const served = await fetch(`/api/uploads/${photo.sha256}`);
		const servedHash = Array.from(
			new Uint8Array(await crypto.subtle.digest('SHA-256', await served.arrayBuffer())),
			(b) => b.toString(16).padStart(2, '0')
		).join('');

		let notAnImage = '';
		await addPhoto(db, new File(['not a picture'], 'fake.jpg', { type: 'image/jpeg' })).catch(
			(error: Error) => (notAnImage = error.message)
		);
		const count = await db.photos.count();
		await db.delete();
		return {
			photo,
			originalBytes: png.size,
			width: bitmap.width,
			height: bitmap.height,
			head: Array.from(head),
			thumbnail,
			state: after.state,
			lastError: after.lastError,
			blobDropped: after.blob === null,
			servedStatus: served.status,
			servedType: served.headers.get('content-type'),
			servedHash,
			notAnImage,
			count
		};
	});

	expect(result.originalBytes).toBeGreaterThan(PHOTO_TARGET_BYTES * 5);
	expect(result.photo.type).toBe('image/jpeg');
	expect(result.photo.sizeBytes).toBeLessThanOrEqual(PHOTO_TARGET_BYTES);
	expect(result.photo.sha256).toMatch(/^[0-9a-f]{64}$/);
	expect(Math.max(result.width, result.height)).toBeLessThanOrEqual(PHOTO_MAX_SIDE_PX);
	expect(result.width / result.height).toBeCloseTo(4 / 3, 1);
	expect(result.head).toEqual([0xff, 0xd8, 0xff]);
	expect(result.thumbnail).toMatch(/^blob:/);
	expect(result.state, String(result.lastError)).toBe('uploaded');
	expect(result.blobDropped).toBe(true);
	expect(result.servedStatus).toBe(200);
	expect(result.servedType).toBe('image/jpeg');
	expect(result.servedHash).toBe(result.photo.sha256);
	expect(result.notAnImage).toBe('error.photo_not_image');
	expect(result.count).toBe(1);

	const db = serverDb();
	try {
		const row = db
			.prepare('select size_bytes, complete from photos where sha256 = ?')
			.get(result.photo.sha256) as { size_bytes: number; complete: number };
		expect(row).toEqual({ size_bytes: result.photo.sizeBytes, complete: 1 });
	} finally {
		db.close();
	}
});
