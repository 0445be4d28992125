/**
 * Reading an operator's request body without trusting it: at most `maxBytes` are kept, and a
 * body that is longer, or a connection that breaks, is a refusal the adapter answers in its own
 * protocol (never an HTTP error). Same approach as payme.ts's reader, shared by the adapters
 * that came after it.
 */

/**
 * The body's bytes, or null past `maxBytes` or on a broken read. An oversized body is read to
 * its end (and dropped) before the answer: answering while the client still sends makes Node
 * reset the connection, and the operator would get no answer at all. The server's own
 * BODY_SIZE_LIMIT bounds how much is read.
 */
export async function readBoundedBytes(request: Request, maxBytes: number): Promise<Buffer | null> {
	if (!request.body) return Buffer.alloc(0);
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
		return bytes > maxBytes ? null : Buffer.concat(chunks);
	} catch {
		// adapter-node's BODY_SIZE_LIMIT, or a dropped connection
		return null;
	}
}

/** The body as UTF-8 text, or undefined past `maxBytes` or on a broken read. */
export async function readBoundedBody(
	request: Request,
	maxBytes: number
): Promise<string | undefined> {
	const bytes = await readBoundedBytes(request, maxBytes);
	return bytes === null ? undefined : bytes.toString('utf8');
}

/** A JSON content type: `application/json`, any parameters. */
export const JSON_CONTENT_TYPE = /^application\/json\s*(;|$)/i;

/** Whether the request's content type is JSON. */
export function isJsonContentType(request: Request): boolean {
	return JSON_CONTENT_TYPE.test(request.headers.get('content-type') ?? '');
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

export type FieldsRefusal = 'content-type' | 'body' | 'syntax';

export type ReadFields =
	{ ok: true; fields: Record<string, string> } | { ok: false; refusal: FieldsRefusal };

const FORM = /^application\/x-www-form-urlencoded\s*(;|$)/i;
const MULTIPART = /^multipart\/form-data\s*;/i;

/**
 * A flat set of text fields from a form-encoded, multipart or JSON body: what operators that
 * post fields (Click, UPay) send. Every value stays the exact text that was sent, since their
 * signatures are computed over it: a JSON number keeps its literal ("1000.50", not 1000.5).
 * A repeated field, a file, a nested value, `true` or `null` is refused as `syntax`.
 */
export async function readFields(request: Request, maxBytes: number): Promise<ReadFields> {
	const type = request.headers.get('content-type') ?? '';
	const kind = FORM.test(type)
		? 'form'
		: MULTIPART.test(type)
			? 'multipart'
			: JSON_CONTENT_TYPE.test(type)
				? 'json'
				: null;
	if (!kind) return { ok: false, refusal: 'content-type' };
	const body = await readBoundedBytes(request, maxBytes);
	if (!body) return { ok: false, refusal: 'body' };
	try {
		const fields =
			kind === 'json'
				? jsonFields(body.toString('utf8'))
				: kind === 'form'
					? entriesToFields(new URLSearchParams(body.toString('utf8')))
					: entriesToFields(
							await new Response(new Uint8Array(body), {
								headers: { 'content-type': type }
							}).formData()
						);
		return fields ? { ok: true, fields } : { ok: false, refusal: 'syntax' };
	} catch {
		return { ok: false, refusal: 'syntax' };
	}
}

function entriesToFields(
	entries: Iterable<[string, FormDataEntryValue | string]>
): Record<string, string> | null {
	const fields: Record<string, string> = Object.create(null);
	for (const [name, value] of entries) {
		if (typeof value !== 'string' || Object.hasOwn(fields, name)) return null;
		fields[name] = value;
	}
	return fields;
}

function jsonFields(text: string): Record<string, string> | null {
	const parsed: unknown = JSON.parse(text);
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
	const fields: Record<string, string> = Object.create(null);
	for (const [name, value] of Object.entries(parsed)) {
		if (typeof value === 'string') fields[name] = value;
		else if (typeof value === 'number') {
			const literal = numberLiteral(text, name);
			if (literal === null || Number(literal) !== value) return null;
			fields[name] = literal;
		} else return null;
	}
	return fields;
}

/**
 * The literal of a top-level number field as written, found by name: JSON.parse would turn
 * "1000.10" into 1000.1 and "1e309" into Infinity. Only a name written once, plainly, counts.
 */
function numberLiteral(text: string, name: string): string | null {
	if (!/^[A-Za-z0-9_]+$/.test(name)) return null;
	const pattern = new RegExp(`"${name}"\\s*:\\s*(-?[0-9][0-9.eE+-]*)`, 'g');
	const found = [...text.matchAll(pattern)];
	const named = text.split(`"${name}"`).length - 1;
	return found.length === 1 && named === 1 ? found[0][1] : null;
}
