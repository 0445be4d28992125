import type { IncomingReading } from '../services/readingIngest';

// Readings as CSV: a header naming the columns meter, date and kwh (in any order), then one
// reading a line. Fields may be quoted ("SM 001"); a quote inside a quoted field is doubled.
// Blank lines are skipped. Rows are numbered by their line in the file, the header being line 1.

export class CsvFormatError extends Error {
	override readonly name = 'CsvFormatError';
}

const COLUMNS = ['meter', 'date', 'kwh'] as const;

/** Splits one CSV line into fields; null when its quotes do not close. */
export function splitCsvLine(line: string): string[] | null {
	if (!line.includes('"')) return line.split(',');
	const fields: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const c = line[i];
		if (quoted) {
			if (c === '"' && line[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			fields.push(field);
			field = '';
		} else field += c;
	}
	if (quoted) return null;
	fields.push(field);
	return fields;
}

/** Which field holds each column, from the header line; throws CsvFormatError for another header. */
export function csvHeader(line: string): Record<(typeof COLUMNS)[number], number> {
	const names = (splitCsvLine(line.replace(/^\uFEFF/, '')) ?? []).map((f) =>
		f.trim().toLowerCase()
	);
	const index = Object.fromEntries(COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<
		(typeof COLUMNS)[number],
		number
	>;
	if (names.length !== COLUMNS.length || COLUMNS.some((c) => index[c] < 0)) {
		throw new CsvFormatError(
			`the CSV must start with the header line "meter,date,kwh", got ${JSON.stringify(line.slice(0, 80))}`
		);
	}
	return index;
}

/** One data line as an incoming reading (a line with the wrong number of fields becomes a malformed row). */
export function csvReading(
	line: string,
	lineNumber: number,
	header: ReturnType<typeof csvHeader>
): IncomingReading {
	const fields = splitCsvLine(line);
	if (!fields || fields.length !== COLUMNS.length) return { row: lineNumber, reading: null };
	return {
		row: lineNumber,
		reading: { meter: fields[header.meter], date: fields[header.date], kwh: fields[header.kwh] }
	};
}

/**
 * Reads CSV lines as they come (a whole request body, or a file streamed line by line): the first
 * non-blank line is the header, every other non-blank line a reading.
 */
export function csvLineReader() {
	let header: ReturnType<typeof csvHeader> | null = null;
	let lineNumber = 0;
	return (line: string): IncomingReading | null => {
		lineNumber++;
		if (line.trim() === '') return null;
		if (header === null) {
			header = csvHeader(line);
			return null;
		}
		return csvReading(line, lineNumber, header);
	};
}

/** Lines read between two yields to the event loop: a 100,000-line body never holds it long. */
const LINES_PER_SLICE = 5_000;

/** A whole CSV text as readings; throws CsvFormatError when the header is wrong or missing. */
export async function csvReadings(text: string): Promise<IncomingReading[]> {
	const read = csvLineReader();
	const out: IncomingReading[] = [];
	let sawHeader = false;
	const lines = text.split(/\r?\n/);
	for (let index = 0; index < lines.length; index++) {
		const line = lines[index];
		const reading = read(line);
		if (line.trim() !== '') sawHeader = true;
		if (reading) out.push(reading);
		if (index % LINES_PER_SLICE === LINES_PER_SLICE - 1)
			await new Promise<void>((resolve) => setImmediate(resolve));
	}
	if (!sawHeader)
		throw new CsvFormatError('the CSV is empty: it needs the header line "meter,date,kwh"');
	return out;
}
