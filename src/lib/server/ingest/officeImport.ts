import { MAX_INGEST_ROWS } from '../../domain/readings/ingest';
import type { IncomingReading } from '../services/readingIngest';
import { CsvFormatError, csvLineReader } from './csv';

// An operator's readings CSV uploaded from the back office (/office/import), read as it arrives:
// line by line into the same reader as `npm run import:readings`, bounded in bytes and rows. The
// whole file is read and checked before anything is applied, so a file refused here writes nothing.

/** The bytes an upload may have: adapter-node's BODY_SIZE_LIMIT for `npm start` is 16 MB. */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;

export type ImportRefusalKey =
	| 'error.import_not_csv'
	| 'error.import_too_large'
	| 'error.import_too_many_rows'
	| 'error.import_bad_header'
	| 'error.import_empty';

/** An upload refused before any row was applied: its status and the message key to show. */
export class ImportRefusal extends Error {
	override readonly name = 'ImportRefusal';
	constructor(
		readonly status: 400 | 413 | 415,
		readonly key: ImportRefusalKey,
		message: string
	) {
		super(message);
	}
}

const tooLarge = () =>
	new ImportRefusal(
		413,
		'error.import_too_large',
		`the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`
	);

/** The readings of an uploaded CSV (text/csv), or an ImportRefusal. */
export async function readImportUpload(request: Request): Promise<IncomingReading[]> {
	const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
	if (type !== 'text/csv')
		throw new ImportRefusal(415, 'error.import_not_csv', 'send the file as text/csv');
	if (Number(request.headers.get('content-length') ?? 0) > MAX_IMPORT_BYTES) throw tooLarge();

	const read = csvLineReader();
	const rows: IncomingReading[] = [];
	let sawHeader = false;
	const take = (line: string) => {
		if (line.trim() !== '') sawHeader = true;
		const reading = read(line.endsWith('\r') ? line.slice(0, -1) : line);
		if (reading) rows.push(reading);
		if (rows.length > MAX_INGEST_ROWS)
			throw new ImportRefusal(
				413,
				'error.import_too_many_rows',
				`more than ${MAX_INGEST_ROWS.toLocaleString('en-US')} readings in one file`
			);
	};

	const reader = request.body?.getReader();
	const decoder = new TextDecoder('utf-8', { fatal: true });
	let bytes = 0;
	let rest = '';
	try {
		for (;;) {
			const chunk = reader ? await reader.read() : { done: true as const, value: undefined };
			if (chunk.done) break;
			bytes += chunk.value.byteLength;
			if (bytes > MAX_IMPORT_BYTES) throw tooLarge();
			const lines = (rest + decoder.decode(chunk.value, { stream: true })).split('\n');
			rest = lines.pop() ?? '';
			for (const line of lines) take(line);
		}
		take(rest + decoder.decode());
	} catch (error) {
		// The browser is still sending: answering now makes Node reset the connection, and the
		// operator would read "no connection" instead of what is wrong with the file. The rest is
		// read and dropped first, up to the file limit (past it, the connection goes).
		await drain(reader, MAX_IMPORT_BYTES - bytes);
		if (error instanceof ImportRefusal) throw error;
		if (error instanceof CsvFormatError)
			throw new ImportRefusal(400, 'error.import_bad_header', error.message);
		// A file that is not UTF-8 text at all (a spreadsheet, an image) fails to decode.
		if (error instanceof TypeError)
			throw new ImportRefusal(400, 'error.import_bad_header', 'the file is not UTF-8 text');
		throw error;
	}
	if (!sawHeader)
		throw new ImportRefusal(
			400,
			'error.import_empty',
			'the file is empty: it needs "meter,date,kwh"'
		);
	return rows;
}

/** Reads what is left of the body and drops it; past `budget` bytes, cancels instead. */
async function drain(
	reader: ReadableStreamDefaultReader<Uint8Array> | undefined,
	budget: number
): Promise<void> {
	if (!reader) return;
	try {
		for (let left = budget; left >= 0;) {
			const chunk = await reader.read();
			if (chunk.done) return;
			left -= chunk.value.byteLength;
		}
		await reader.cancel();
	} catch {
		// The connection broke meanwhile: there is nobody to answer.
	}
}
