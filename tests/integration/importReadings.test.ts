import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../src/lib/server/db';
import { addDays } from '../../src/lib/domain/dates';
import { tempDb } from './helpers/testDb';
import { aMeter, anAccount, npmRun, readingOf } from './helpers/builders';

let db: Db;
let dir: string;
let cleanup: () => void;
beforeAll(() => {
	({ db, dir, cleanup } = tempDb());
});
afterAll(() => cleanup());

describe('npm run import:readings', () => {
	it('applies a CSV file larger than one batch, and reports rejected rows by their line', () => {
		// 1,500 meters × 100 days = 150,000 readings: two batches of at most 100,000.
		const meters: string[] = [];
		db.$client.transaction(() => {
			for (let i = 0; i < 1500; i++) meters.push(aMeter(db, anAccount(db).id).serial);
		})();
		const lines = ['meter,date,kwh'];
		for (const serial of meters)
			for (let d = 0; d < 100; d++)
				lines.push(`${serial},${addDays('2026-01-01', d)},${d * 9}.125`);
		lines[150_000] = `NO-SUCH-METER,2026-01-01,5`; // line 150,001 of the file
		lines.splice(3, 0, `${meters[0]},2026-01-02,oops`); // line 4
		const file = join(dir, 'readings.csv');
		writeFileSync(file, `${lines.join('\n')}\n`);

		const run = npmRun('import:readings', [file, '--json'], dir);
		expect(run.status).toBe(1); // some rows were rejected
		const report = JSON.parse(run.stdout);
		expect(report).toMatchObject({ inserted: 149_999, unchanged: 0, corrected: 0, rejected: 2 });
		expect(
			report.rejections.map((r: { row: number; reason: string }) => [r.row, r.reason])
		).toEqual([
			[4, 'malformed_number'],
			[150_002, 'unknown_meter']
		]);
		expect(
			readingOf(
				db,
				db.$client
					.prepare('select id from meters where serial = ?')
					.pluck()
					.get(meters[1499]) as number,
				'2026-04-09'
			)
		).toMatchObject({
			value_wh: 98 * 9000 + 125, // day 99 of this meter was replaced by the unknown meter's line
			source: 'import'
		});

		const again = npmRun('import:readings', [file], dir);
		expect(again.stdout).toContain('unchanged  149,999');
		expect(again.stdout).toContain('line 4: malformed_number');
	});

	it('refuses a file without the header, and a file that is not there', () => {
		const file = join(dir, 'no-header.csv');
		writeFileSync(file, 'SM1,2026-01-01,5\n');
		const run = npmRun('import:readings', [file], dir);
		expect(run.status).toBe(2);
		expect(run.stderr).toContain('meter,date,kwh');
		expect(npmRun('import:readings', [join(dir, 'missing.csv')], dir).status).toBe(2);
	});

	it("holds the probe's implausible row, reports it like a rejection and exits 1", () => {
		const meter = aMeter(db, anAccount(db).id);
		const file = join(dir, 'probe.csv');
		writeFileSync(
			file,
			`meter,date,kwh\n${meter.serial},2026-10-30,19500.000\n${meter.serial},2026-10-31,99999999.000\n`
		);
		const run = npmRun('import:readings', [file], dir);
		expect(run.status).toBe(1);
		expect(run.stdout).toContain('inserted   1');
		expect(run.stdout).toContain('suspect    1');
		expect(run.stdout).toMatch(/line 3: usage_above_ceiling \(#\d+\): .*500 kWh a day/);
		expect(readingOf(db, meter.id, '2026-10-31')).toBeUndefined();
	});
});
