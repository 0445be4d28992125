// `npm run payments:oson-poll [-- --older-than-minutes N] [--json]`: asks OSON for the status of
// every open order's invoice older than N minutes (default 2) — for when a webhook is late or
// lost — and applies a PAID exactly once, as the webhook would. In the demo (TOK_DEMO=1, no
// OSON_BASE_URL) it asks the running demo's stand-in at http://127.0.0.1:$PORT/sandbox/oson.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { config } from '../config';
import { openDatabase } from '../db';
import { osonEnv, pollOpenOsonInvoices } from '../services/payments/oson';

const { values } = parseArgs({
	options: { 'older-than-minutes': { type: 'string', default: '2' }, json: { type: 'boolean' } }
});
const minutes = Number(values['older-than-minutes']);
if (!Number.isFinite(minutes) || minutes < 0) {
	console.error('--older-than-minutes takes a number of minutes (0 or more).');
	process.exit(2);
}
const env = osonEnv(`http://127.0.0.1:${process.env.PORT ?? '3000'}`);
if (!env) {
	console.error('OSON is not configured: set OSON_BASE_URL, OSON_MERCHANT_ID and OSON_TOKEN.');
	process.exit(2);
}
const file = config.databaseFile;
if (!existsSync(file)) {
	console.error(`No database at ${file} (set DATA_DIR).`);
	process.exit(2);
}
const db = openDatabase(file, { migrate: false });
const results = await pollOpenOsonInvoices(db, env, Math.round(minutes * 60_000));
db.$client.close();
if (values.json) console.log(JSON.stringify(results));
else {
	console.log(`OSON: asked about ${results.length} open invoice(s).`);
	for (const r of results)
		console.log(
			`  ${r.orderId}  ${r.error ? `failed: ${r.error}` : `${r.status}${r.credited ? ' (credited now)' : ''}`}`
		);
}
if (results.some((r) => r.error)) process.exitCode = 1;
