/**
 * An operator's request body as text, read to its end but kept only up to `maxBytes`: answering
 * while the client still sends makes Node reset the connection, and the operator would get no
 * answer in its protocol at all. The server's own BODY_SIZE_LIMIT bounds how much is read.
 * Resolves `undefined` past the limit or when the connection drops (adapter-node's limit
 * errors the stream), so that each adapter answers in its own protocol.
 */
export async function readBoundedBody(
	request: Request,
	maxBytes: number
): Promise<string | undefined> {
	if (!request.body) return '';
	try {
		const reader = request.body.getReader();
		const chunks: Uint8Array[] = [];
		let bytes = 0;
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			bytes += value.byteLength;
			if (bytes <= maxBytes) chunks.push(value);
		}
		if (bytes > maxBytes) return undefined;
		return Buffer.concat(chunks).toString('utf8');
	} catch {
		return undefined;
	}
}

/** Whether the content type is JSON (`application/json`, any parameters). */
export function isJsonContentType(request: Request): boolean {
	return /^application\/json\s*(;|$)/i.test(request.headers.get('content-type') ?? '');
}

/** JSON text to a plain object, or undefined for anything else (junk, an array, a number). */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
	try {
		const value: unknown = JSON.parse(text);
		return typeof value === 'object' && value !== null && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}
