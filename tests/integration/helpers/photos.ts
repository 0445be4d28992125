import { createHash, randomBytes } from 'node:crypto';
import { formatUploadMetadata, TUS_VERSION } from '../../../src/lib/domain/inspection/photoUpload';

/** Bytes that start as a JPEG does (FF D8 FF), `size` long, different each call. */
export function aJpeg(size = 150_000): Buffer {
	const bytes = randomBytes(size);
	bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
	return bytes;
}

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A phone's tus requests to `baseUrl` as the holder of `token`, from the app's own origin. */
export function tusAs(baseUrl: string, token: string | null, origin: string | null = baseUrl) {
	const headers = (extra: Record<string, string> = {}) => ({
		'Tus-Resumable': TUS_VERSION,
		...(token ? { cookie: `tok_session=${token}` } : {}),
		...(origin ? { origin } : {}),
		...extra
	});
	return {
		create: (sha256: string, length: number, filetype = 'image/jpeg') =>
			fetch(`${baseUrl}/api/uploads`, {
				method: 'POST',
				headers: headers({
					'Upload-Length': String(length),
					'Upload-Metadata': formatUploadMetadata({ sha256, filetype })
				})
			}),
		head: (sha256: string) =>
			fetch(`${baseUrl}/api/uploads/${sha256}`, { method: 'HEAD', headers: headers() }),
		patch: (sha256: string, offset: number, chunk: Uint8Array) =>
			fetch(`${baseUrl}/api/uploads/${sha256}`, {
				method: 'PATCH',
				headers: headers({
					'Content-Type': 'application/offset+octet-stream',
					'Upload-Offset': String(offset)
				}),
				body: new Uint8Array(chunk)
			}),
		get: (sha256: string) => fetch(`${baseUrl}/api/uploads/${sha256}`, { headers: headers() })
	};
}
