import { spawnSync } from 'node:child_process';
import { addDays } from '../../../src/lib/domain/dates';
import type { Db } from '../../../src/lib/server/db';

// Test data for readings, billing and the ledger, written straight to SQLite: each builder makes
// one thing with sensible defaults and takes overrides.

let next = 0;
const unique = () => String(++next).padStart(6, '0');

function ensureDistrict(db: Db): string {
	db.$client
		.exec(`insert or ignore into regions (soato, name_uz, name_uz_cyrl, name_ru) values ('1726', 'Toshkent', 'Тошкент', 'Ташкент');
		insert or ignore into districts (soato, region_soato, kind, name_uz, name_uz_cyrl, name_ru)
		values ('1726264', '1726', 'tuman', 'Yunusobod', 'Юнусобод', 'Юнусабад')`);
	return '1726264';
}

export function anAccount(
	db: Db,
	overrides: { number?: string; tariffClass?: 'household' | 'stove'; balanceTiyin?: number } = {}
): { id: number; number: string } {
	const number = overrides.number ?? `9900${unique()}`;
	const row = db.$client
		.prepare(
			`insert into accounts (number, district_soato, holder_name, address, phone, tariff_class, balance_tiyin, created_at_ms)
			 values (?, ?, 'Karimov Aziz', 'Navoiy koʻchasi, 1-uy', '+998901112233', ?, ?, 0) returning id`
		)
		.get(
			number,
			ensureDistrict(db),
			overrides.tariffClass ?? 'household',
			overrides.balanceTiyin ?? 0
		) as { id: number };
	return { id: row.id, number };
}

export function aMeter(
	db: Db,
	accountId: number,
	overrides: { serial?: string; installedOn?: string; removedOn?: string | null } = {}
): { id: number; serial: string } {
	const serial = overrides.serial ?? `TS${unique()}`;
	const row = db.$client
		.prepare(
			`insert into meters (account_id, serial, type, installed_on, removed_on) values (?, ?, 'smart', ?, ?) returning id`
		)
		.get(accountId, serial, overrides.installedOn ?? '2020-01-01', overrides.removedOn ?? null) as {
		id: number;
	};
	return { id: row.id, serial };
}

/** Readings on the given days (a map of date to Wh). */
export function readingsOn(db: Db, meterId: number, values: Record<string, number>): void {
	const insert = db.$client.prepare(
		`insert into readings (meter_id, date, value_wh, source, estimated, received_at_ms) values (?, ?, ?, 'smart', 0, 0)`
	);
	db.$client.transaction(() => {
		for (const [date, wh] of Object.entries(values)) insert.run(meterId, date, wh);
	})();
}

/** A reading every day from `from` to `to`, starting at `startWh`, `perDayWh` more each day. */
export function dailyReadings(
	db: Db,
	meterId: number,
	from: string,
	to: string,
	startWh: number,
	perDayWh: number
): void {
	const values: Record<string, number> = {};
	for (let date = from, wh = startWh; date <= to; date = addDays(date, 1), wh += perDayWh)
		values[date] = wh;
	readingsOn(db, meterId, values);
}

export function readingOf(
	db: Db,
	meterId: number,
	date: string
): { value_wh: number; source: string } | undefined {
	return db.$client
		.prepare('select value_wh, source from readings where meter_id = ? and date = ?')
		.get(meterId, date) as { value_wh: number; source: string } | undefined;
}

export function ledgerOf(
	db: Db,
	accountId: number
): Array<{ kind: string; amount_tiyin: number; date: string; source_ref: string }> {
	return db.$client
		.prepare(
			'select kind, amount_tiyin, date, source_ref from ledger_entries where account_id = ? order by id'
		)
		.all(accountId) as Array<{
		kind: string;
		amount_tiyin: number;
		date: string;
		source_ref: string;
	}>;
}

export function balanceOf(db: Db, accountId: number): number {
	return (
		db.$client.prepare('select balance_tiyin from accounts where id = ?').get(accountId) as {
			balance_tiyin: number;
		}
	).balance_tiyin;
}

/** Runs an npm script of this project as an operator would, with DATA_DIR set. */
export function npmRun(script: string, args: string[], dataDir: string) {
	const result = spawnSync('npm', ['run', '--silent', script, '--', ...args], {
		cwd: process.cwd(),
		env: { ...process.env, DATA_DIR: dataDir },
		encoding: 'utf8',
		timeout: 120_000
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
