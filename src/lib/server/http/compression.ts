import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

// Answers of the API (tRPC, ingestion) go compressed when the client accepts it: a first pull of
// two accounts was 60 kB of JSON and is about a tenth of that compressed. Streams (sync.live's
// Server-Sent Events) are left alone: compressing them would hold pokes back in zlib's buffer.

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Smaller answers are sent as they are: compressing them saves less than a packet. */
export const COMPRESS_MIN_BYTES = 1024;

type Encoding = 'br' | 'gzip';

/** The encoding to answer with for an `Accept-Encoding` header, brotli first. */
export function chooseEncoding(acceptEncoding: string | null): Encoding | null {
	const accepted = new Map<string, number>();
	for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
		const [name, ...params] = part.trim().split(';');
		const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
		accepted.set(name.trim(), q ? Number(q[1]) : 1);
	}
	const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
	if (ok('br')) return 'br';
	if (ok('gzip')) return 'gzip';
	return null;
}

/** `response` compressed for a client that sent `acceptEncoding`, or as it is when it cannot be. */
export async function compressed(
	response: Response,
	acceptEncoding: string | null
): Promise<Response> {
	const type = response.headers.get('content-type') ?? '';
	if (
		!response.body ||
		response.headers.has('content-encoding') ||
		!/^(application\/json|text\/csv|text\/plain)/i.test(type)
	)
		return response;
	// A small answer whose length is declared (json() declares it) is sent as it is without being
	// read and rebuilt: the operators' endpoints answer a few hundred bytes, hundreds of times a second.
	const declared = Number(response.headers.get('content-length') ?? NaN);
	if (declared < COMPRESS_MIN_BYTES) {
		response.headers.append('Vary', 'Accept-Encoding');
		return response;
	}
	const headers = new Headers(response.headers);
	headers.append('Vary', 'Accept-Encoding');
	const encoding = chooseEncoding(acceptEncoding);
	const body = Buffer.from(await response.arrayBuffer());
	const init = { status: response.status, statusText: response.statusText, headers };
	if (!encoding || body.byteLength < COMPRESS_MIN_BYTES) return new Response(body, init);
	const packed =
		encoding === 'br'
			? await brotli(body, {
					params: {
						// Quality 5: most of brotli's gain at a fraction of its top level's time.
						[constants.BROTLI_PARAM_QUALITY]: 5,
						[constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength
					}
				})
			: await gzipAsync(body, { level: 6 });
	headers.set('Content-Encoding', encoding);
	headers.delete('Content-Length');
	return new Response(packed, init);
}
