import { createHash, timingSafeEqual } from 'node:crypto';
import { ingestJsonBody, MAX_INGEST_ROWS } from '../../domain/readings/ingest';
import type { IncomingReading } from '../services/readingIngest';
import { CsvFormatError, csvReadings } from './csv';
import { parseReadingsJsonInThread, PARSE_IN_THREAD_FROM_BYTES } from './jsonWorker';

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

async function readBytes(request: Request): Promise<Uint8Array> {
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > MAX_INGEST_BYTES) throw tooLarge();
	if (!request.body) return new Uint8Array(0);
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
	// One buffer of its own (never Node's shared pool), so that it can move to a thread.
	const body = new Uint8Array(bytes);
	let at = 0;
	for (const chunk of chunks) {
		body.set(chunk, at);
		at += chunk.byteLength;
	}
	return body;
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
	const bytes = await readBytes(request);
	if (type === 'text/csv') {
		let rows: IncomingReading[];
		try {
			rows = await csvReadings(new TextDecoder().decode(bytes));
		} catch (error) {
			if (error instanceof CsvFormatError) throw new IngestHttpError(400, error.message);
			throw error;
		}
		if (rows.length > MAX_INGEST_ROWS) throw tooManyRows(rows.length);
		return rows;
	}
	let readings: unknown[];
	if (bytes.byteLength >= PARSE_IN_THREAD_FROM_BYTES) {
		const parsed = await parseReadingsJsonInThread(bytes, MAX_INGEST_ROWS);
		if (!parsed.ok) {
			if (parsed.problem === 'too_many') throw tooManyRows(parsed.count);
			if (parsed.problem === 'json') throw notJson();
			// The schema's own message for a body that is not an object, or has no list.
			const stand = parsed.problem === 'body' ? null : {};
			throw new IngestHttpError(400, ingestJsonBody.safeParse(stand).error!.issues[0].message);
		}
		readings = parsed.readings;
	} else {
		let json: unknown;
		try {
			json = JSON.parse(new TextDecoder().decode(bytes));
		} catch {
			throw notJson();
		}
		const body = ingestJsonBody.safeParse(json);
		if (!body.success) throw new IngestHttpError(400, body.error.issues[0].message);
		readings = body.data.readings;
	}
	if (readings.length > MAX_INGEST_ROWS) throw tooManyRows(readings.length);
	return readings.map((reading, i) => ({ row: i + 1, reading }));
}

function notJson(): IngestHttpError {
	return new IngestHttpError(400, 'the body is not valid JSON');
}
