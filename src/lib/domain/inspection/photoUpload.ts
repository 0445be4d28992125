/**
 * The photo upload protocol both sides speak: tus 1.0.0, core and creation
 * (https://tus.io/protocols/resumable-upload), with the upload named by the photo's SHA-256 so
 * that a photo is stored once however often it is sent, and a phone can resume without keeping
 * an upload URL. Pure: no I/O.
 */
import { PHOTO_TYPES, type PhotoType } from './workOrders';

export const TUS_VERSION = '1.0.0';
export const TUS_EXTENSIONS = 'creation';
/** PATCH bodies carry this type (tus core). */
export const TUS_CHUNK_TYPE = 'application/offset+octet-stream';
/** tus leaves 460 for "checksum mismatch": here the whole file's SHA-256 is not its name. */
export const STATUS_CHECKSUM_MISMATCH = 460;
/** The phone sends this much a PATCH: a chunk lost to a bad connection costs little. */
export const UPLOAD_CHUNK_BYTES = 64 * 1024;
export const UPLOADS_PATH = '/api/uploads';

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function isSha256Hex(text: string): boolean {
	return SHA256_HEX.test(text);
}

export function isPhotoType(text: string): text is PhotoType {
	return (PHOTO_TYPES as readonly string[]).includes(text);
}

export const uploadPath = (sha256: string) => `${UPLOADS_PATH}/${sha256}`;

/**
 * `Upload-Metadata` (tus creation): comma-separated `key base64value` pairs, a key without a
 * value allowed. Null for a malformed header (a key twice, a value that is not base64).
 */
export function parseUploadMetadata(header: string | null): Map<string, string> | null {
	const pairs = new Map<string, string>();
	if (!header || !header.trim()) return pairs;
	for (const part of header.split(',')) {
		const [key, value, ...rest] = part.trim().split(' ');
		if (!key || rest.length > 0 || pairs.has(key)) return null;
		if (value === undefined || value === '') {
			pairs.set(key, '');
			continue;
		}
		if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) return null;
		pairs.set(key, decodeBase64Utf8(value));
	}
	return pairs;
}

export function formatUploadMetadata(values: Record<string, string>): string {
	return Object.entries(values)
		.map(([key, value]) => `${key} ${encodeBase64Utf8(value)}`)
		.join(',');
}

function encodeBase64Utf8(text: string): string {
	let binary = '';
	for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
	return btoa(binary);
}

function decodeBase64Utf8(base64: string): string {
	const binary = atob(base64);
	return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** How many first bytes `startsAsType` needs to decide. */
export const MAGIC_BYTES = 12;

/**
 * Whether a file's first bytes are what its type says: JPEG FF D8 FF, PNG's eight-byte
 * signature, WebP `RIFF????WEBP`. `head` may be shorter than MAGIC_BYTES while the first chunk
 * is still small: then it answers whether it could still become one.
 */
export function startsAsType(head: Uint8Array, type: PhotoType): boolean {
	const expected: Array<number | null> =
		type === 'image/jpeg'
			? [0xff, 0xd8, 0xff]
			: type === 'image/png'
				? [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
				: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50];
	return expected.every((byte, i) => i >= head.length || byte === null || head[i] === byte);
}
