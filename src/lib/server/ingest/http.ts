import { createHash, timingSafeEqual } from 'node:crypto';
import { ingestJsonBody, MAX_INGEST_ROWS } from '../../domain/readings/ingest';
import type { IncomingReading } from '../services/readingIngest';
import { CsvFormatError, csvReadings } from './csv';

// The HTTP side of machine ingestion: who may send, and what a body may be. The route itself
// only strings these together with the service.

/** A refusal to answer with this status and message (never a 2xx). */
export class IngestHttpError extends Error {
	override readonly name = 'IngestHttpError';
	constructor(
		readonly status: 400 | 401 | 413 | 415 | 503,
		message: string
	) {
		super(message);
	}
}

/**
 * Checks `Authorization: Bearer <token>` against the configured token. No token configured
 * means the endpoint is switched off (503), so a forgotten setting never leaves it open.
 * Both sides are hashed first so that timingSafeEqual compares equal lengths and the time
 * taken says nothing about the token.
 */
export function checkBearerToken(
	authorization: string | null,
	configured: string | undefined
): void {
	if (!configured) {
		throw new IngestHttpError(
			503,
			'reading ingestion is disabled on this server (INGEST_TOKEN is not set)'
		);
	}
	const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
	const digest = (s: string) => createHash('sha256').update(s).digest();
	if (!match || !timingSafeEqual(digest(match[1]), digest(configured))) {
		throw new IngestHttpError(401, 'a valid "Authorization: Bearer <token>" header is required');
	}
}

/** A body larger than this is refused before it is parsed; 100,000 readings take about 7 MB. */
export const MAX_INGEST_BYTES = 32 * 1024 * 1024;

async function readText(request: Request): Promise<string> {
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > MAX_INGEST_BYTES) throw tooLarge();
	if (!request.body) return '';
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let bytes = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		bytes += value.byteLength;
		if (bytes > MAX_INGEST_BYTES) {
			await reader.cancel();
			throw tooLarge();
		}
		chunks.push(value);
	}
	return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(): IngestHttpError {
	return new IngestHttpError(
		413,
		`the body is larger than ${MAX_INGEST_BYTES / 1024 / 1024} MB; send at most ${MAX_INGEST_ROWS.toLocaleString('en-US')} readings a request`
	);
}

function tooManyRows(count: number): IngestHttpError {
	return new IngestHttpError(
		413,
		`${count.toLocaleString('en-US')} readings in one request; send at most ${MAX_INGEST_ROWS.toLocaleString('en-US')} a request`
	);
}

/** The readings of a request body, JSON or CSV as its Content-Type says. */
export async function readIngestBody(request: Request): Promise<IncomingReading[]> {
	const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
	if (type !== 'application/json' && type !== 'text/csv') {
		throw new IngestHttpError(415, 'send readings as application/json or text/csv');
	}
	const text = await readText(request);
	if (type === 'text/csv') {
		let rows: IncomingReading[];
		try {
			rows = csvReadings(text);
		} catch (error) {
			if (error instanceof CsvFormatError) throw new IngestHttpError(400, error.message);
			throw error;
		}
		if (rows.length > MAX_INGEST_ROWS) throw tooManyRows(rows.length);
		return rows;
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		throw new IngestHttpError(400, 'the body is not valid JSON');
	}
	const body = ingestJsonBody.safeParse(json);
	if (!body.success) throw new IngestHttpError(400, body.error.issues[0].message);
	if (body.data.readings.length > MAX_INGEST_ROWS) throw tooManyRows(body.data.readings.length);
	return body.data.readings.map((reading, i) => ({ row: i + 1, reading }));
}
