// The body of `npm run payments:reconcile` (cli/reconcile.ts), callable in-process by tests.
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { config, DEMO_PAYME_KEY } from '../config';
import { openDatabase } from '../db';
import { isCalendarDay } from '../../domain/dates';
import { isPaymentOperator } from '../../domain/payments/operators';
import {
	reconcileDay,
	STATEMENT_SOURCES,
	StatementError,
	tashkentDay,
	type StatementRow
} from '../services/payments/reconcile';
import { count, som } from './format';

export const USAGE =
	'Usage: npm run payments:reconcile -- --operator payme --date YYYY-MM-DD [--json] [--statement FILE] [--url URL]';

class UsageError extends Error {}
function fail(message: string): never {
	throw new UsageError(message);
}

export interface ReconcileIo {
	log: (line: string) => void;
	error: (line: string) => void;
}

/** The command: its exit status (0 agree, 1 differences, 2 bad arguments or statement). */
export async function reconcileCommand(args: string[], io: ReconcileIo): Promise<number> {
	try {
		return await run(args, io);
	} catch (e) {
		if (!(e instanceof UsageError)) throw e;
		io.error(`${e.message}\n${USAGE}`);
		return 2;
	}
}

async function run(args: string[], { log }: ReconcileIo): Promise<number> {
	let values;
	try {
		({ values } = parseArgs({
			args,
			options: {
				operator: { type: 'string' },
				date: { type: 'string' },
				statement: { type: 'string' },
				url: { type: 'string' },
				json: { type: 'boolean' }
			}
		}));
	} catch (e) {
		fail((e as Error).message);
	}
	const operator = values.operator;
	if (!operator) fail('--operator is missing.');
	if (!isPaymentOperator(operator)) fail(`--operator "${operator}" is not a payment operator.`);
	const source = STATEMENT_SOURCES[operator];
	const known = Object.keys(STATEMENT_SOURCES).join(', ');
	if (!source) fail(`${operator}'s statements cannot be read yet (only: ${known}).`);
	if (!values.date) fail('--date is missing.');
	if (!isCalendarDay(values.date))
		fail(`--date "${values.date}" is not a calendar day YYYY-MM-DD.`);
	const day = tashkentDay(values.date);

	let statement: StatementRow[];
	try {
		if (values.statement) {
			if (!existsSync(values.statement)) fail(`No statement file at ${values.statement}.`);
			statement = source.parse(readFileSync(values.statement, 'utf8'));
		} else {
			if (!source.fetch) fail(`${operator} has no live statement: pass --statement FILE.`);
			const key = process.env.PAYME_KEY || DEMO_PAYME_KEY;
			statement = await source.fetch(day, { url: values.url ?? 'http://localhost:3000', key });
		}
	} catch (e) {
		if (!(e instanceof StatementError)) throw e;
		fail(`The ${operator} statement cannot be read: ${e.message} (${source.fileFormat}).`);
	}

	const file = config.databaseFile;
	if (!existsSync(file)) fail(`No database at ${file} (set DATA_DIR).`);
	const db = openDatabase(file, { migrate: false });
	const report = reconcileDay(db, operator, day, statement);
	db.$client.close();

	if (values.json) {
		log(JSON.stringify(report));
	} else {
		const sum = (rows: StatementRow[]) => som(rows.reduce((s, r) => s + r.amountTiyin, 0));
		log(`${operator} ${report.date} (Tashkent day) in ${file}`);
		log(`  Tok        ${count(report.tok.length)} transactions, ${sum(report.tok)} so'm`);
		log(
			`  statement  ${count(report.statement.length)} transactions, ${sum(report.statement)} so'm`
		);
		if (report.differences.length === 0) log('Both sides agree.');
		else {
			log(`${count(report.differences.length)} difference(s):`);
			const side = (r: StatementRow | null) =>
				r ? `${som(r.amountTiyin)} so'm, state ${r.state}, account ${r.account ?? '?'}` : 'absent';
			for (const d of report.differences)
				log(
					`  ${d.kind.padEnd(19)} ${d.id}  Tok: ${side(d.tok)}; ${operator}: ${side(d.operator)}`
				);
		}
	}
	return report.differences.length > 0 ? 1 : 0;
}
