import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { serverNow } from '$lib/server/clock';
import { TUS_CHUNK_TYPE } from '$lib/domain/inspection/photoUpload';
import { answeringRefusals, assertTusVersion, TUS_HEADERS, tusOptions } from '$lib/server/http/tus';
import {
	appendChunk,
	assertUploader,
	parseSha256,
	uploadStatus
} from '$lib/server/services/photos/photoUploads';
import { viewablePhoto } from '$lib/server/services/photos/photoAccess';
import { UploadRefused } from '$lib/server/services/photos/uploadRefused';

/** tus HEAD: how much of the photo the server has, never from a cache. */
export const HEAD: RequestHandler = ({ request, locals, params }) =>
	answeringRefusals(async () => {
		assertUploader(locals.user);
		assertTusVersion(request);
		const { offset, length } = await uploadStatus(getDb(), parseSha256(params.sha256));
		return new Response(null, {
			status: 200,
			headers: {
				...TUS_HEADERS,
				'Upload-Offset': String(offset),
				'Upload-Length': String(length),
				'Cache-Control': 'no-store'
			}
		});
	});

/** tus PATCH: the bytes from `Upload-Offset` on. */
export const PATCH: RequestHandler = ({ request, locals, params }) =>
	answeringRefusals(async () => {
		assertUploader(locals.user);
		assertTusVersion(request);
		const type = (request.headers.get('Content-Type') ?? '').split(';', 1)[0].trim();
		if (type.toLowerCase() !== TUS_CHUNK_TYPE) throw new UploadRefused('chunk_type');
		const { offset } = await appendChunk(
			getDb(),
			{
				sha256: parseSha256(params.sha256),
				offsetHeader: request.headers.get('Upload-Offset'),
				contentLength: request.headers.get('Content-Length'),
				body: request.body
			},
			serverNow
		);
		return new Response(null, {
			status: 204,
			headers: { ...TUS_HEADERS, 'Upload-Offset': String(offset) }
		});
	});

/**
 * The photo itself, for its inspector and the office that reviews its result. Sandboxed and
 * never sniffed: a file that claims to be a picture cannot run as a page of Tok.
 */
export const GET: RequestHandler = ({ locals, params }) =>
	answeringRefusals(async () => {
		const photo = await viewablePhoto(getDb(), locals.user, parseSha256(params.sha256));
		return new Response(new Uint8Array(photo.bytes), {
			headers: {
				'Content-Type': photo.mimeType,
				'Content-Length': String(photo.bytes.byteLength),
				'X-Content-Type-Options': 'nosniff',
				'Content-Security-Policy': 'sandbox',
				// Named by its hash, a photo never changes; only the asker's own browser keeps it.
				'Cache-Control': 'private, max-age=31536000, immutable'
			}
		});
	});

export const OPTIONS: RequestHandler = () => tusOptions();
