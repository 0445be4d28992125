import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { normalizePhone } from '../../domain/phone';
import type { InboundSms } from '../services/inboundSms';

// The HTTP side of inbound SMS: who may send (the gateway, with the shared secret) and what a
// body may be. Everything else is refused with a status and a plain reason, never a 500.

export class InboundSmsHttpError extends Error {
	override readonly name = 'InboundSmsHttpError';
	constructor(
		readonly status: 400 | 401 | 413 | 415 | 503,
		message: string
	) {
		super(message);
	}
}

/** An inbound SMS is a few hundred bytes; a long concatenated one a few kB. */
export const MAX_INBOUND_BYTES = 16 * 1024;

export function checkSmsSecret(header: string | null, configured: string | undefined): void {
	if (!configured)
		throw new InboundSmsHttpError(
			503,
			'inbound SMS is disabled on this server (SMS_INBOUND_SECRET is not set)'
		);
	const digest = (s: string) => createHash('sha256').update(s).digest();
	if (!header || !timingSafeEqual(digest(header), digest(configured)))
		throw new InboundSmsHttpError(401, 'a valid X-Sms-Secret header is required');
}

const inboundBody = z.object({
	from: z.string().max(32),
	to: z.string().max(32),
	text: z.string().max(2000),
	id: z.union([z.string().trim().min(1).max(128), z.number().int().nonnegative()])
});

async function readText(request: Request): Promise<string> {
	if (Number(request.headers.get('content-length') ?? 0) > MAX_INBOUND_BYTES) throw tooLarge();
	if (!request.body) return '';
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let bytes = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		bytes += value.byteLength;
		if (bytes > MAX_INBOUND_BYTES) {
			await reader.cancel();
			throw tooLarge();
		}
		chunks.push(value);
	}
	return Buffer.concat(chunks).toString('utf8');
}

function tooLarge() {
	return new InboundSmsHttpError(413, `the body is larger than ${MAX_INBOUND_BYTES} bytes`);
}

/** The body as an InboundSms, or an InboundSmsHttpError saying what is wrong with it. */
export async function readInboundSms(request: Request): Promise<InboundSms> {
	const type = request.headers.get('content-type') ?? '';
	if (type && !/^application\/json\b/i.test(type))
		throw new InboundSmsHttpError(415, 'send JSON: Content-Type: application/json');
	let body: unknown;
	try {
		body = JSON.parse(await readText(request));
	} catch (error) {
		if (error instanceof InboundSmsHttpError) throw error;
		throw new InboundSmsHttpError(400, 'the body is not JSON');
	}
	const parsed = inboundBody.safeParse(body);
	if (!parsed.success)
		throw new InboundSmsHttpError(
			400,
			'expected {"from":"+998…","to":"2100","text":"…","id":"<gateway message id>"}'
		);
	const from = normalizePhone(parsed.data.from);
	if (!from) throw new InboundSmsHttpError(400, '"from" is not a phone number');
	return { from, to: parsed.data.to, text: parsed.data.text, id: String(parsed.data.id) };
}
