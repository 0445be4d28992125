// `npm run ledger:verify`: proves that every account's cached balance equals the sum of its
// ledger entries, in the database in DATA_DIR. Exits 0 when they all agree; otherwise lists
// each account that does not (number, cached, actual, difference) and exits 1.
import { existsSync } from 'node:fs';
import { config } from '../config';
import { openDatabase } from '../db';
import { verifyLedger } from '../services/ledger';
import { count, som } from './format';

const file = config.databaseFile;
if (!existsSync(file)) {
	console.error(`No database at ${file} (set DATA_DIR).`);
	process.exit(2);
}
const db = openDatabase(file, { migrate: false });
const result = verifyLedger(db);
db.$client.close();

if (result.mismatches.length === 0) {
	console.log(
		`Ledger OK: ${count(result.accounts)} balances equal the sums of their ${count(result.entries)} entries (${file}).`
	);
} else {
	console.log(
		`Ledger MISMATCH: ${count(result.mismatches.length)} of ${count(result.accounts)} balances differ from their entries (${file}).`
	);
	const rows = result.mismatches.map((m) => [
		m.accountNumber,
		som(m.cachedTiyin),
		som(m.actualTiyin),
		som(m.differenceTiyin)
	]);
	const head = ['account', "cached (so'm)", "actual (so'm)", "difference (so'm)"];
	const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (cells: string[]) =>
		cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
	console.log(line(head));
	for (const r of rows) console.log(line(r));
	process.exitCode = 1;
}
