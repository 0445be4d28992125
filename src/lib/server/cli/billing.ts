// `npm run billing -- --month YYYY-MM [--json]`: rates every account's month with the tariff
// module and writes the charges and their ledger entries to the database in DATA_DIR. Safe to
// re-run: unchanged months change nothing, corrected ones get a correcting entry. Prints what
// it did; `--json` prints the report as JSON. Exits 2 for a bad or unfinished month.
import { parseArgs } from 'node:util';
import { config } from '../config';
import { serverNow } from '../clock';
import { openDatabase } from '../db';
import { billMonth, BillingMonthOpenError } from '../services/billing/run';
import { billingMonth } from '../../domain/billing';
import { progressBar } from './progress';
import { count, som } from './format';

const { values } = parseArgs({ options: { month: { type: 'string' }, json: { type: 'boolean' } } });
const month = billingMonth.safeParse(values.month);
if (!month.success) {
	console.error('Usage: npm run billing -- --month YYYY-MM [--json]');
	process.exit(2);
}

const db = openDatabase(config.databaseFile);
const started = performance.now();
let bar: ReturnType<typeof progressBar> | undefined;
let report;
try {
	report = billMonth(db, {
		month: month.data,
		nowMs: serverNow(),
		onProgress: (done, total) => {
			bar ??= progressBar(`Billing ${month.data}`, total, ' accounts');
			bar.update(done);
		}
	});
} catch (error) {
	if (!(error instanceof BillingMonthOpenError)) throw error;
	console.error(
		`${month.data} is not over yet in Tashkent; bill it from the first day of the next month.`
	);
	process.exit(2);
} finally {
	bar?.stop();
	db.$client.close();
}
const seconds = (performance.now() - started) / 1000;

if (values.json) {
	console.log(JSON.stringify(report));
} else {
	const r = report;
	console.log(`Billed ${r.month} in ${seconds.toFixed(1)} s (${config.databaseFile})`);
	console.log(`  accounts   ${count(r.accounts)}`);
	console.log(
		`  rated      ${count(r.rated)}${r.estimated ? ` (${count(r.estimated)} estimated)` : ''}`
	);
	console.log(`  charged    ${count(r.charged)}, ${som(r.chargedTiyin)} so'm`);
	console.log(`  corrected  ${count(r.corrected)}, net ${som(r.correctedTiyin)} so'm`);
	console.log(`  unchanged  ${count(r.unchanged)}`);
	console.log(`  skipped    ${count(r.skipped)}`);
	for (const [reason, n] of Object.entries(r.skippedByReason))
		console.log(`    ${reason}: ${count(n)}`);
	const shown = r.skippedAccounts.slice(0, 50);
	for (const s of shown) console.log(`    ${s.accountNumber}: ${s.reason}: ${s.detail}`);
	if (r.skipped > shown.length)
		console.log(`    … and ${count(r.skipped - shown.length)} more (--json lists the first 1,000)`);
}
