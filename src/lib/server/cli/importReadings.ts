// `npm run import:readings -- FILE.csv [--json]`: applies a CSV of readings (header
// meter,date,kwh) to the database in DATA_DIR, as the ingestion endpoint would, streaming the
// file in batches of 100,000 rows, each committed a few thousand rows at a time so that the
// server's writers get the lock in between. Prints what was inserted, unchanged, corrected,
// rejected and held as suspect (with line numbers); `--json` prints the endpoint's JSON report
// instead. Exits 1 when any row was rejected or held, 2 when the file cannot be read at all.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { config } from '../config';
import { serverNow } from '../clock';
import { openDatabase } from '../db';
import { CsvFormatError, csvLineReader } from '../ingest/csv';
import { ingestReadings, type IncomingReading } from '../services/readingIngest';
import { addIngestReport, emptyIngestReport, MAX_INGEST_ROWS } from '../../domain/readings/ingest';
import { progressBar } from './progress';
import { count } from './format';

const { values, positionals } = parseArgs({
	options: { json: { type: 'boolean' } },
	allowPositionals: true
});
const file = positionals[0];
if (!file || !existsSync(file)) {
	console.error(
		file ? `No such file: ${file}` : 'Usage: npm run import:readings -- FILE.csv [--json]'
	);
	process.exit(2);
}

const db = openDatabase(config.databaseFile);
const report = emptyIngestReport();
const bar = progressBar('Importing', statSync(file).size, ' bytes');
const read = csvLineReader();
let batch: IncomingReading[] = [];
let bytes = 0;
let sawHeader = false;

const apply = () => {
	addIngestReport(report, ingestReadings(db, batch, { source: 'import', nowMs: serverNow() }));
	batch = [];
	bar.update(bytes);
};

try {
	for await (const line of createInterface({
		input: createReadStream(file),
		crlfDelay: Infinity
	})) {
		bytes += Buffer.byteLength(line) + 1;
		if (line.trim() !== '') sawHeader = true;
		const reading = read(line);
		if (reading) batch.push(reading);
		if (batch.length === MAX_INGEST_ROWS) apply();
	}
	if (!sawHeader)
		throw new CsvFormatError('the file is empty: it needs the header line "meter,date,kwh"');
	apply();
} catch (error) {
	bar.stop();
	if (!(error instanceof CsvFormatError)) throw error;
	console.error(
		`Cannot import ${file}: ${error.message}. Nothing after the last full batch was applied.`
	);
	process.exit(2);
}
bar.stop();
db.$client.close();

if (values.json) {
	console.log(JSON.stringify(report));
} else {
	console.log(`Imported ${file} into ${config.databaseFile}`);
	console.log(`  inserted   ${count(report.inserted)}`);
	console.log(`  unchanged  ${count(report.unchanged)}`);
	console.log(`  corrected  ${count(report.corrected)}`);
	console.log(`  rejected   ${count(report.rejected)}`);
	const shown = report.rejections.slice(0, 100);
	for (const rejection of shown)
		console.log(`    line ${rejection.row}: ${rejection.reason}: ${rejection.message}`);
	if (report.rejections.length > shown.length) {
		console.log(
			`    … and ${count(report.rejections.length - shown.length)} more (--json lists all)`
		);
	}
	console.log(`  suspect    ${count(report.suspect)} (held for an operator: office.readings)`);
	const held = report.suspects.slice(0, 100);
	for (const suspect of held)
		console.log(
			`    line ${suspect.row}: ${suspect.reason} (#${suspect.suspectId}): ${suspect.message}`
		);
	if (report.suspects.length > held.length)
		console.log(`    … and ${count(report.suspects.length - held.length)} more (--json lists all)`);
}
process.exitCode = report.rejected > 0 || report.suspect > 0 ? 1 : 0;
