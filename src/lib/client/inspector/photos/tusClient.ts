/**
 * The three tus requests the phone makes (see domain/inspection/photoUpload.ts), each answered
 * as what the uploader must do next. A network failure throws (the uploader backs off).
 */
import {
	formatUploadMetadata,
	STATUS_CHECKSUM_MISMATCH,
	TUS_CHUNK_TYPE,
	TUS_VERSION,
	UPLOADS_PATH,
	uploadPath
} from '$lib/domain/inspection/photoUpload';
import type { PhotoRow } from './photoRow';

export type TusAnswer =
	/** The server has this many bytes of it. */
	| { kind: 'offset'; offset: number }
	/** HEAD: the server has none of it; create it first. */
	| { kind: 'unknown' }
	/** PATCH: the server has a different offset than we sent; ask again. */
	| { kind: 'conflict' }
	/** Never will take it (a message key from the server's JSON body). */
	| { kind: 'refused'; reason: string }
	/** Not signed in as an inspector any more: wait for the next sign-in, do not retry. */
	| { kind: 'signedOut' }
	/** Try later (a 5xx, a proxy's 429 or anything unexpected). */
	| { kind: 'retry'; reason: string };

export interface TusClientOptions {
	baseUrl: string;
	fetch: typeof fetch;
}

const TUS = { 'Tus-Resumable': TUS_VERSION };

function offsetOf(response: Response): number | null {
	const text = response.headers.get('Upload-Offset');
	return text !== null && /^\d+$/.test(text) ? Number(text) : null;
}

async function errorKey(response: Response, fallback: string): Promise<string> {
	try {
		const body = (await response.json()) as { error?: unknown };
		return typeof body.error === 'string' && body.error.startsWith('error.')
			? body.error
			: fallback;
	} catch {
		return fallback;
	}
}

async function failure(response: Response): Promise<TusAnswer> {
	if (response.status === 401) return { kind: 'signedOut' };
	if (response.status === 409) return { kind: 'conflict' };
	const permanent = [400, 403, 413, 415, STATUS_CHECKSUM_MISMATCH].includes(response.status);
	const reason = await errorKey(response, permanent ? 'error.invalid_input' : 'error.server');
	return permanent ? { kind: 'refused', reason } : { kind: 'retry', reason };
}

export function tusClient({ baseUrl, fetch: doFetch }: TusClientOptions) {
	const url = (path: string) => `${baseUrl}${path}`;
	return {
		/** HEAD: how much of the photo the server has. */
		async offset(photo: PhotoRow): Promise<TusAnswer> {
			const response = await doFetch(url(uploadPath(photo.sha256)), {
				method: 'HEAD',
				headers: TUS,
				cache: 'no-store',
				credentials: 'same-origin'
			});
			if (response.status === 404) return { kind: 'unknown' };
			const offset = offsetOf(response);
			if (response.ok && offset !== null) return { kind: 'offset', offset };
			return response.ok ? { kind: 'retry', reason: 'error.network' } : failure(response);
		},

		/** POST (creation): announces the photo; a photo the server already has answers its length. */
		async create(photo: PhotoRow): Promise<TusAnswer> {
			const response = await doFetch(url(UPLOADS_PATH), {
				method: 'POST',
				headers: {
					...TUS,
					'Upload-Length': String(photo.sizeBytes),
					'Upload-Metadata': formatUploadMetadata({ sha256: photo.sha256, filetype: photo.type })
				},
				credentials: 'same-origin'
			});
			if (response.status !== 201) return failure(response);
			return { kind: 'offset', offset: offsetOf(response) ?? 0 };
		},

		/** PATCH: `chunk` written at `offset`. */
		async send(photo: PhotoRow, offset: number, chunk: Blob): Promise<TusAnswer> {
			const response = await doFetch(url(uploadPath(photo.sha256)), {
				method: 'PATCH',
				headers: { ...TUS, 'Content-Type': TUS_CHUNK_TYPE, 'Upload-Offset': String(offset) },
				body: chunk,
				credentials: 'same-origin'
			});
			const next = offsetOf(response);
			if (response.status === 204 && next !== null) return { kind: 'offset', offset: next };
			return response.ok ? { kind: 'retry', reason: 'error.network' } : failure(response);
		}
	};
}

export type TusClient = ReturnType<typeof tusClient>;
