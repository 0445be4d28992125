import type { TokDb } from '$lib/client/db';
import { nextDelayMs } from '$lib/client/sync/retry/backoff';
import { UPLOAD_CHUNK_BYTES } from '$lib/domain/inspection/photoUpload';
import type { PhotoRow } from './photoRow';
import { photosToUpload, sha256Hex } from './photoStore';
import { tusClient, type TusAnswer, type TusClient } from './tusClient';

export interface PhotoUploadOptions {
	/** Where the server is; '' (the page's own origin) in the app. */
	baseUrl?: string;
	fetch?: typeof fetch;
	chunkBytes?: number;
	now?: () => number;
	random?: () => number;
	/** Where `online` comes from; the window in the app, none in tests that kick by hand. */
	events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
	/** Whether to free the phone's storage once the server has a photo (true in the app). */
	dropUploaded?: boolean;
}

export interface PhotoUploads {
	/** Try now: a photo was just added, or the person asked. Resets the backoff. */
	kick(): void;
	stop(): void;
	/** Settles when the run in progress (if any) is over; for tests and for sign-out. */
	idle(): Promise<void>;
}

/** One photo's outcome of a pass. */
type Outcome = 'uploaded' | 'refused' | 'retry' | 'signedOut';

/** The server's key for a photo whose bytes did not hash to its name (tus 460). */
const CHECKSUM_REASON = 'error.photo_checksum';

/** A HEAD/PATCH disagreement this many times over one photo in one pass means something is wrong. */
const MAX_CONFLICTS = 5;

/**
 * Sends every photo of the device the server does not have yet, oldest first: a HEAD says how
 * much of it the server already has (a photo cut off mid-upload resumes there), then PATCHes of
 * `chunkBytes` until the server has it whole. A failure waits (exponential backoff) before the
 * next pass; `online` and `kick()` start one at once.
 */
export function startPhotoUploads(db: TokDb, options: PhotoUploadOptions = {}): PhotoUploads {
	const {
		baseUrl = '',
		fetch: doFetch = (input, init) => fetch(input, init),
		chunkBytes = UPLOAD_CHUNK_BYTES,
		now = Date.now,
		random = Math.random,
		events = typeof window !== 'undefined' ? window : null,
		dropUploaded = true
	} = options;
	const tus = tusClient({ baseUrl, fetch: doFetch });
	let stopped = false;
	let running: Promise<void> | null = null;
	let again = false;
	let attempt = 0;
	let timer: ReturnType<typeof setTimeout> | null = null;

	const schedule = () => {
		if (stopped) return;
		const delay = nextDelayMs(attempt++, random());
		timer = setTimeout(() => {
			timer = null;
			run();
		}, delay);
	};

	const run = () => {
		if (stopped) return;
		if (running) {
			again = true;
			return;
		}
		running = (async () => {
			let outcome: Awaited<ReturnType<typeof pass>>;
			do {
				again = false;
				outcome = await pass();
			} while (again && !stopped);
			if (outcome === 'retry') schedule();
			else if (outcome === 'done') attempt = 0;
		})().finally(() => (running = null));
	};

	async function pass(): Promise<'done' | 'retry' | 'signedOut'> {
		for (const photo of await photosToUpload(db)) {
			if (stopped) return 'done';
			let outcome: Outcome;
			try {
				outcome = await uploadOne(tus, photo, chunkBytes);
			} catch {
				outcome = 'retry';
				await note(photo.sha256, 'error.network');
			}
			if (outcome === 'retry' || outcome === 'signedOut') return outcome;
			if (outcome === 'uploaded') await markUploaded(photo.sha256);
		}
		return 'done';
	}

	async function uploadOne(client: TusClient, photo: PhotoRow, size: number): Promise<Outcome> {
		if (!photo.blob) return 'refused';
		let conflicts = 0;
		let answer: TusAnswer = await client.offset(photo);
		if (answer.kind === 'unknown') answer = await client.create(photo);
		for (;;) {
			switch (answer.kind) {
				case 'offset':
					if (answer.offset >= photo.sizeBytes) return 'uploaded';
					answer = await client.send(
						photo,
						answer.offset,
						photo.blob.slice(answer.offset, Math.min(answer.offset + size, photo.sizeBytes))
					);
					continue;
				case 'conflict':
				case 'unknown':
					// Another tab sent the same chunk, or the server dropped a partial it refused.
					if (++conflicts > MAX_CONFLICTS) return 'retry';
					answer = await client.offset(photo);
					if (answer.kind === 'unknown') answer = await client.create(photo);
					continue;
				case 'refused':
					// The server found another hash than the name: damaged on the way (send it again),
					// unless the phone's own copy no longer matches (then it never will).
					if (answer.reason === CHECKSUM_REASON && (await sha256Hex(photo.blob)) === photo.sha256) {
						if (++conflicts > MAX_CONFLICTS) return 'retry';
						answer = await client.create(photo);
						continue;
					}
					await db.photos.update(photo.sha256, { state: 'refused', lastError: answer.reason });
					return 'refused';
				case 'retry':
					await note(photo.sha256, answer.reason);
					return 'retry';
				case 'signedOut':
					await note(photo.sha256, 'error.signed_out');
					return 'signedOut';
			}
		}
	}

	async function note(sha256: string, reason: string) {
		await db.photos.update(sha256, { lastError: reason });
	}

	async function markUploaded(sha256: string) {
		await db.photos.update(sha256, {
			state: 'uploaded',
			lastError: null,
			uploadedAtMs: now(),
			...(dropUploaded ? { blob: null } : {})
		});
	}

	const kick = () => {
		if (timer) clearTimeout(timer);
		timer = null;
		attempt = 0;
		run();
	};
	events?.addEventListener('online', kick);
	run();

	return {
		kick,
		stop() {
			stopped = true;
			if (timer) clearTimeout(timer);
			events?.removeEventListener('online', kick);
		},
		async idle() {
			while (running) await running;
		}
	};
}
