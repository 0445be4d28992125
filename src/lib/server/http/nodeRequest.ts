import type { IncomingMessage, ServerResponse } from 'node:http';
import { compressed, COMPRESS_MIN_BYTES } from './compression';
import { setSecurityHeaders } from './securityHeaders';

/**
 * What a route answered ahead of SvelteKit (nodeRoutes.ts) needs of Node's request and
 * response, done as adapter-node and hooks.server.ts do it for every other route: the same
 * address, the same headers, the same compression.
 */

/**
 * The body, or null past `maxBytes` or when the connection breaks. A longer body is read to its
 * end and dropped, so that the caller still gets an answer (answering while it still sends makes
 * Node reset the connection); Node's requestTimeout bounds how long that may take.
 */
export function readNodeBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		let bytes = 0;
		req.on('data', (chunk: Buffer) => {
			bytes += chunk.byteLength;
			if (bytes <= maxBytes) chunks.push(chunk);
		});
		req.on('end', () => resolve(bytes > maxBytes ? null : Buffer.concat(chunks)));
		// After 'end' this changes nothing; without it, the connection broke halfway.
		req.on('close', () => resolve(null));
		req.on('error', () => resolve(null));
	});
}

/**
 * The caller's address as adapter-node's getClientAddress gives it (ADDRESS_HEADER, XFF_DEPTH),
 * or 'unknown' where adapter-node would throw (clientAddress.ts).
 */
export function nodeClientAddress(
	req: IncomingMessage,
	env: NodeJS.ProcessEnv = process.env
): string {
	const header = (env.ADDRESS_HEADER ?? '').toLowerCase();
	if (!header) return req.socket.remoteAddress ?? 'unknown';
	const value = req.headers[header];
	if (typeof value !== 'string') return 'unknown';
	if (header !== 'x-forwarded-for') return value;
	const depth = parseInt(env.XFF_DEPTH ?? '1');
	const addresses = value.split(',');
	if (!(depth >= 1) || depth > addresses.length) return 'unknown';
	return addresses[addresses.length - depth].trim();
}

/** The request's URL as SvelteKit would see it: ORIGIN, else the Host header (HOST_HEADER). */
function requestUrl(req: IncomingMessage, env: NodeJS.ProcessEnv): URL {
	const hostHeader = (env.HOST_HEADER ?? '').toLowerCase() || 'host';
	const host = req.headers[hostHeader];
	const base = env.ORIGIN || `http://${typeof host === 'string' && host ? host : 'localhost'}`;
	try {
		return new URL(req.url ?? '/', base);
	} catch {
		return new URL(req.url ?? '/', 'http://localhost');
	}
}

/** Sends `value` as a 200 JSON answer with hooks.server.ts's security headers and compression. */
export async function sendNodeJson(
	req: IncomingMessage,
	res: ServerResponse,
	value: unknown,
	env: NodeJS.ProcessEnv = process.env
): Promise<void> {
	const text = JSON.stringify(value);
	const headers = new Headers({ 'content-type': 'application/json' });
	setSecurityHeaders(headers, requestUrl(req, env));
	const length = Buffer.byteLength(text);
	if (length < COMPRESS_MIN_BYTES) {
		headers.set('content-length', String(length));
		headers.append('Vary', 'Accept-Encoding');
		res.writeHead(200, Object.fromEntries(headers));
		res.end(text);
		return;
	}
	const accept = req.headers['accept-encoding'];
	const response = await compressed(
		new Response(text, { headers }),
		typeof accept === 'string' ? accept : null
	);
	const body = Buffer.from(await response.arrayBuffer());
	res.writeHead(200, Object.fromEntries(response.headers));
	res.end(body);
}
