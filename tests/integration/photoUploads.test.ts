import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { FIXED_NOW, callerAs, seededDb } from './helpers/testDb';
import { aDevice, uuidv7 } from './helpers/commands';
import { aJpeg, sha256Of, tusAs } from './helpers/photos';
import { startUploadServer } from './helpers/uploadServer';
import { signIn } from '../../src/lib/server/services/auth';
import {
	ABANDONED_UPLOAD_MS,
	appendChunk,
	createUpload,
	sweepAbandonedUploads
} from '../../src/lib/server/services/photos/photoUploads';
import { photos, workOrderAssignees, workOrders } from '../../src/lib/server/db/schema';
import { accounts, meters } from '../../src/lib/server/db/schema';
import { PHOTO_MAX_BYTES } from '../../src/lib/domain/inspection/workOrders';
import { SYNC_PROTOCOL } from '../../src/lib/domain/sync/protocol';
import { catalogue as en } from '../../src/lib/i18n/catalogues/en';
import { catalogue as ru } from '../../src/lib/i18n/catalogues/ru';
import { catalogue as uz } from '../../src/lib/i18n/catalogues/uz';
import { catalogue as uzCyrl } from '../../src/lib/i18n/catalogues/uzCyrl';
import { UPLOAD_REFUSALS } from '../../src/lib/server/services/photos/uploadRefused';
import { NOT_AN_IMAGE } from '../../src/lib/client/inspector/photos/shrinkPhoto';

const CHUNK = 64 * 1024;
let seeded: Awaited<ReturnType<typeof seededDb>>;
let server: Awaited<ReturnType<typeof startUploadServer>>;
const tokens: Record<string, string> = {};

beforeAll(async () => {
	seeded = await seededDb();
	// The endpoints open the server's database (DATA_DIR) as in production: this one.
	process.env.DATA_DIR = seeded.dir;
	for (const [who, login, password] of [
		['inspector', 'inspector', 'inspect12345'],
		['otherInspector', 'inspector2', 'inspect12345'],
		['operator', 'operator', 'operate12345'],
		['otherOperator', 'operator2', 'operate12345'],
		['admin', 'admin', 'admin12345'],
		['resident', 'demo2', 'demo12345']
	])
		tokens[who] = (await signIn(seeded.db, { login, password }, Date.now())).token;
	server = await startUploadServer();
});
afterAll(async () => {
	await server?.stop();
	seeded?.cleanup();
});

const as = (who: string | null, origin?: string | null) =>
	tusAs(server.baseUrl, who ? tokens[who] : null, origin === undefined ? server.baseUrl : origin);

const uploadsDir = () => join(seeded.dir, 'uploads');
const storedFiles = () =>
	existsSync(uploadsDir())
		? readdirSync(uploadsDir(), { recursive: true, withFileTypes: true })
				.filter((e) => e.isFile())
				.map((e) => e.name)
		: [];
const photoRow = (sha256: string) =>
	seeded.db.select().from(photos).where(eq(photos.sha256, sha256)).get();

async function sendWhole(who: string, bytes: Buffer, from = 0): Promise<Response> {
	const tus = as(who);
	const sha = sha256Of(bytes);
	let last: Response | null = null;
	for (let offset = from; offset < bytes.length; offset += CHUNK) {
		last = await tus.patch(sha, offset, bytes.subarray(offset, offset + CHUNK));
		if (last.status !== 204) return last;
	}
	return last!;
}

async function errorOf(response: Response): Promise<string> {
	return ((await response.json()) as { error: string }).error;
}

describe('photo uploads over tus', () => {
	it('OPTIONS says the server speaks tus 1.0.0 with creation, up to the photo limit', async () => {
		const response = await fetch(`${server.baseUrl}/api/uploads`, { method: 'OPTIONS' });
		expect(response.status).toBe(204);
		expect(response.headers.get('Tus-Version')).toBe('1.0.0');
		expect(response.headers.get('Tus-Extension')).toBe('creation');
		expect(response.headers.get('Tus-Max-Size')).toBe(String(PHOTO_MAX_BYTES));
	});

	it('an inspector’s photo sent in chunks is stored whole under its hash, and reads back as sent', async () => {
		const bytes = aJpeg(150_000);
		const sha = sha256Of(bytes);
		const created = await as('inspector').create(sha, bytes.length);
		expect(created.status).toBe(201);
		expect(created.headers.get('Location')).toBe(`/api/uploads/${sha}`);
		expect(created.headers.get('Upload-Offset')).toBe('0');
		expect((await sendWhole('inspector', bytes)).headers.get('Upload-Offset')).toBe('150000');

		expect(readFileSync(join(uploadsDir(), sha.slice(0, 2), sha)).equals(bytes)).toBe(true);
		expect(existsSync(join(uploadsDir(), sha.slice(0, 2), `${sha}.partial`))).toBe(false);
		const row = photoRow(sha)!;
		expect(row).toMatchObject({ complete: true, receivedBytes: 150_000, mimeType: 'image/jpeg' });
		expect(row.completedAtMs).toBeGreaterThan(0);
		const head = await as('inspector').head(sha);
		expect(head.status).toBe(200);
		expect(head.headers.get('Upload-Offset')).toBe('150000');
		expect(head.headers.get('Upload-Length')).toBe('150000');
		expect(head.headers.get('Cache-Control')).toBe('no-store');

		const got = await as('inspector').get(sha);
		expect(got.status).toBe(200);
		expect(got.headers.get('Content-Type')).toBe('image/jpeg');
		expect(got.headers.get('X-Content-Type-Options')).toBe('nosniff');
		expect(got.headers.get('Content-Security-Policy')).toBe('sandbox');
		expect(got.headers.get('Cache-Control')).toMatch(/^private\b/);
		expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);
	});

	it('an upload broken halfway through a chunk keeps what arrived, and resumes from there to the end', async () => {
		const bytes = aJpeg(100_000);
		const sha = sha256Of(bytes);
		expect((await as('inspector').create(sha, bytes.length)).status).toBe(201);
		// A raw socket: the PATCH announces 64 kB, sends 30,000 bytes, and the connection drops.
		const socket = connect(server.port, '127.0.0.1');
		await new Promise<void>((resolve) => socket.once('connect', resolve));
		socket.write(
			[
				`PATCH /api/uploads/${sha} HTTP/1.1`,
				`Host: 127.0.0.1:${server.port}`,
				`Cookie: tok_session=${tokens.inspector}`,
				`Origin: ${server.baseUrl}`,
				'Tus-Resumable: 1.0.0',
				'Content-Type: application/offset+octet-stream',
				'Upload-Offset: 0',
				`Content-Length: ${CHUNK}`,
				'',
				''
			].join('\r\n')
		);
		socket.write(bytes.subarray(0, 30_000));
		await new Promise((resolve) => setTimeout(resolve, 200));
		socket.destroy();

		let offset = -1;
		for (let i = 0; i < 50 && offset !== 30_000; i++) {
			await new Promise((resolve) => setTimeout(resolve, 50));
			offset = Number((await as('inspector').head(sha)).headers.get('Upload-Offset'));
		}
		expect(offset).toBe(30_000);
		expect(photoRow(sha)).toMatchObject({ complete: false, receivedBytes: 30_000 });
		// Resuming from elsewhere than the server's offset is refused, and changes nothing.
		const stale = await as('inspector').patch(sha, 0, bytes.subarray(0, CHUNK));
		expect(stale.status).toBe(409);
		expect(await errorOf(stale)).toBe('error.photo_offset');

		const done = await sendWhole('inspector', bytes, offset);
		expect(done.status).toBe(204);
		expect(done.headers.get('Upload-Offset')).toBe('100000');
		expect(photoRow(sha)?.complete).toBe(true);
		expect(readFileSync(join(uploadsDir(), sha.slice(0, 2), sha)).equals(bytes)).toBe(true);
	});

	it('the same photo sent twice is stored once: one file, one row, and the second creation says it is all there', async () => {
		const bytes = aJpeg(70_000);
		const sha = sha256Of(bytes);
		await as('inspector').create(sha, bytes.length);
		await sendWhole('inspector', bytes);
		const filesBefore = storedFiles().filter((name) => name.startsWith(sha));

		const again = await as('inspector').create(sha, bytes.length);
		expect(again.status).toBe(201);
		expect(again.headers.get('Location')).toBe(`/api/uploads/${sha}`);
		expect(again.headers.get('Upload-Offset')).toBe('70000');
		expect(filesBefore).toEqual([sha]);
		expect(storedFiles().filter((name) => name.startsWith(sha))).toEqual([sha]);
		expect(seeded.db.select().from(photos).where(eq(photos.sha256, sha)).all()).toHaveLength(1);
	});

	it('an upload left unfinished for two weeks is swept, file and row; a whole photo and a recent upload stay', async () => {
		const whole = aJpeg(20_000);
		await as('inspector').create(sha256Of(whole), whole.length);
		await sendWhole('inspector', whole);
		const abandoned = aJpeg(100_000);
		const sha = sha256Of(abandoned);
		await as('inspector').create(sha, abandoned.length);
		expect((await as('inspector').patch(sha, 0, abandoned.subarray(0, CHUNK))).status).toBe(204);
		expect(storedFiles()).toContain(`${sha}.partial`);

		// A day later nothing goes; past two weeks the unfinished one does.
		await sweepAbandonedUploads(seeded.db, Date.now() + 24 * 3_600_000);
		expect(photoRow(sha)?.receivedBytes).toBe(CHUNK);
		await sweepAbandonedUploads(seeded.db, Date.now() + ABANDONED_UPLOAD_MS + 60_000);
		expect(photoRow(sha)).toBeUndefined();
		expect(storedFiles()).not.toContain(`${sha}.partial`);
		expect(photoRow(sha256Of(whole))?.complete).toBe(true);
		expect(storedFiles()).toContain(sha256Of(whole));

		// The phone that still holds it announces it again and sends it from the start.
		const again = await as('inspector').create(sha, abandoned.length);
		expect(again.headers.get('Upload-Offset')).toBe('0');
		expect((await sendWhole('inspector', abandoned)).status).toBe(204);
		expect(photoRow(sha)?.complete).toBe(true);
	});

	it('a file that is not a picture is refused at its first bytes, and nothing of it is kept', async () => {
		const text = Buffer.from('%PDF-1.7 not a photo at all, whatever its name says'.repeat(50));
		const sha = sha256Of(text);
		expect((await as('inspector').create(sha, text.length)).status).toBe(201);
		const refused = await as('inspector').patch(sha, 0, text);
		expect(refused.status).toBe(415);
		expect(await errorOf(refused)).toBe('error.photo_type');
		expect(photoRow(sha)).toBeUndefined();
		expect(storedFiles().filter((name) => name.startsWith(sha))).toEqual([]);
		expect((await as('inspector').head(sha)).status).toBe(404);

		const pdf = await as('inspector').create(sha, text.length, 'application/pdf');
		expect(pdf.status).toBe(415);
		expect(await errorOf(pdf)).toBe('error.photo_type');
		expect(photoRow(sha)).toBeUndefined();
	});

	it('a photo over the limit is refused when announced, before any byte, with nothing stored', async () => {
		const sha = sha256Of(aJpeg(10));
		const refused = await as('inspector').create(sha, PHOTO_MAX_BYTES + 1);
		expect(refused.status).toBe(413);
		expect(await errorOf(refused)).toBe('error.photo_too_big');
		expect(photoRow(sha)).toBeUndefined();
	});

	it('a photo whose bytes do not hash to its name is refused at the last byte and deleted', async () => {
		const bytes = aJpeg(80_000);
		const claimed = sha256Of(aJpeg(80_000));
		expect((await as('inspector').create(claimed, bytes.length)).status).toBe(201);
		const tus = as('inspector');
		let last: Response | null = null;
		for (let offset = 0; offset < bytes.length; offset += CHUNK)
			last = await tus.patch(claimed, offset, bytes.subarray(offset, offset + CHUNK));
		expect(last!.status).toBe(460);
		expect(await errorOf(last!)).toBe('error.photo_checksum');
		expect(photoRow(claimed)).toBeUndefined();
		expect(storedFiles().filter((name) => name.startsWith(claimed))).toEqual([]);

		const badName = await as('inspector').create('not-a-hash', 10);
		expect(badName.status).toBe(400);
		expect(await errorOf(badName)).toBe('error.photo_hash');
	});

	it('bytes beyond the announced length are refused, and the offset stays where it was', async () => {
		const bytes = aJpeg(1_000);
		const sha = sha256Of(bytes);
		await as('inspector').create(sha, bytes.length);
		const first = await as('inspector').patch(sha, 0, bytes.subarray(0, 600));
		expect(first.headers.get('Upload-Offset')).toBe('600');
		const beyond = await as('inspector').patch(sha, 600, aJpeg(500));
		expect(beyond.status).toBe(400);
		expect(await errorOf(beyond)).toBe('error.photo_length');
		expect((await as('inspector').head(sha)).headers.get('Upload-Offset')).toBe('600');
		expect((await as('inspector').patch(sha, 600, bytes.subarray(600))).status).toBe(204);
		expect(photoRow(sha)?.complete).toBe(true);
	});

	it('a connection that goes silent mid-chunk keeps what came and does not hold the photo up', async () => {
		const bytes = aJpeg(5_000);
		const sha = sha256Of(bytes);
		const inspector = (
			await signIn(seeded.db, { login: 'inspector', password: 'inspect12345' }, Date.now())
		).user;
		await createUpload(
			seeded.db,
			inspector,
			{ sha256: sha, type: 'image/jpeg', lengthHeader: '5000' },
			Date.now()
		);
		// 1,000 bytes, then nothing: no more data, no end, no error.
		const silent = new ReadableStream<Uint8Array>({
			start(controller) {
				controller.enqueue(new Uint8Array(bytes.subarray(0, 1_000)));
			}
		});
		const state = await appendChunk(
			seeded.db,
			{ sha256: sha, offsetHeader: '0', contentLength: null, body: silent, readIdleMs: 200 },
			Date.now
		);
		expect(state.offset).toBe(1_000);
		const rest = await as('inspector').patch(sha, 1_000, bytes.subarray(1_000));
		expect(rest.status).toBe(204);
		expect(photoRow(sha)?.complete).toBe(true);
	});

	it('a client of another tus version is refused with the version the server speaks', async () => {
		const sha = sha256Of(aJpeg(10));
		const response = await fetch(`${server.baseUrl}/api/uploads/${sha}`, {
			method: 'HEAD',
			headers: { cookie: `tok_session=${tokens.inspector}`, 'Tus-Resumable': '0.2.2' }
		});
		expect(response.status).toBe(412);
		expect(response.headers.get('Tus-Version')).toBe('1.0.0');
	});

	it('every refusal’s message key reads in all four languages', () => {
		const keys = [...Object.values(UPLOAD_REFUSALS).map((r) => r.reason), NOT_AN_IMAGE];
		for (const [locale, catalogue] of Object.entries({ en, ru, uz, uzCyrl }))
			for (const key of keys)
				expect((catalogue as Record<string, string>)[key], `${key} in ${locale}`).toBeTruthy();
	});
});

describe('who may upload and see photos', () => {
	it('only inspectors upload: signed out 401, residents and the office 403, nothing stored', async () => {
		const bytes = aJpeg(1_000);
		const sha = sha256Of(bytes);
		expect((await as(null).create(sha, bytes.length)).status).toBe(401);
		for (const who of ['resident', 'operator', 'admin']) {
			const refused = await as(who).create(sha, bytes.length);
			expect(refused.status, who).toBe(403);
			expect(await errorOf(refused)).toBe('error.forbidden');
			expect((await as(who).head(sha)).status, who).toBe(403);
			expect((await as(who).patch(sha, 0, bytes)).status, who).toBe(403);
		}
		expect(photoRow(sha)).toBeUndefined();
	});

	it('a POST or PATCH from another site is refused; the app’s own origin passes', async () => {
		const bytes = aJpeg(1_000);
		const sha = sha256Of(bytes);
		expect((await as('inspector', 'https://evil.example').create(sha, bytes.length)).status).toBe(
			403
		);
		expect(photoRow(sha)).toBeUndefined();
		expect((await as('inspector').create(sha, bytes.length)).status).toBe(201);
		expect((await as('inspector', 'https://evil.example').patch(sha, 0, bytes)).status).toBe(403);
		// A neighbour on the same site, and a browser that says the request is cross-site.
		expect(
			(await as('inspector', 'http://uploads.127.0.0.1.nip.io').patch(sha, 0, bytes)).status
		).toBe(403);
		const crossSite = await fetch(`${server.baseUrl}/api/uploads/${sha}`, {
			method: 'PATCH',
			headers: {
				cookie: `tok_session=${tokens.inspector}`,
				'sec-fetch-site': 'same-site',
				'Tus-Resumable': '1.0.0',
				'Content-Type': 'application/offset+octet-stream',
				'Upload-Offset': '0'
			},
			body: new Uint8Array(bytes)
		});
		expect(crossSite.status).toBe(403);
		expect(photoRow(sha)?.receivedBytes).toBe(0);
		expect((await as('inspector').patch(sha, 0, bytes)).status).toBe(204);
	});

	it('a photo is seen by its inspector, and by the office of the account its result is about', async () => {
		const bytes = aJpeg(2_000);
		const sha = sha256Of(bytes);
		await as('inspector').create(sha, bytes.length);
		await sendWhole('inspector', bytes);
		const status = async (who: string | null) => (await as(who).get(sha)).status;

		// Before any result names it: its inspector only.
		expect(await status('inspector')).toBe(200);
		expect(await status('operator')).toBe(404);
		expect(await status('admin')).toBe(404);

		await recordVisitWith(sha, bytes.length);
		expect(await status(null)).toBe(401);
		expect(await status('resident')).toBe(403);
		expect(await status('inspector')).toBe(200);
		expect(await status('otherInspector')).toBe(404);
		expect(await status('operator')).toBe(200);
		expect(await status('otherOperator')).toBe(404);
		expect(await status('admin')).toBe(200);
	});
});

/** The inspector records a disconnection of 1726001003 (Tashkent city) with the photo, by sync. */
async function recordVisitWith(sha256: string, sizeBytes: number) {
	const db = seeded.db;
	const inspector = db.$client.prepare("select id from users where login = 'inspector'").get() as {
		id: number;
	};
	const account = db.select().from(accounts).where(eq(accounts.number, '1726001003')).get()!;
	const meter = db.select().from(meters).where(eq(meters.accountId, account.id)).get()!;
	const workOrderId = uuidv7();
	db.insert(workOrders)
		.values({
			id: workOrderId,
			accountId: account.id,
			meterId: meter.id,
			kind: 'disconnection',
			status: 'assigned',
			inspectorUserId: inspector.id,
			createdAtMs: FIXED_NOW,
			updatedAtMs: FIXED_NOW
		})
		.run();
	db.insert(workOrderAssignees)
		.values({ workOrderId, inspectorUserId: inspector.id, assignedAtMs: FIXED_NOW })
		.run();
	const caller = await callerAs(db, 'inspector', 'inspect12345');
	const device = aDevice();
	const answer = await caller.sync.push({
		...device.push([
			device.command('inspection.record', {
				resultId: uuidv7(),
				workOrderId,
				kind: 'disconnection',
				recordedAtMs: FIXED_NOW,
				readingKwh: '1234.500',
				photos: [{ sha256, sizeBytes, type: 'image/jpeg' }]
			})
		]),
		protocol: SYNC_PROTOCOL
	});
	expect(answer.results.map((r) => r.status)).toEqual(['applied']);
}
