import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, tashkentToday } from '../../src/lib/domain/dates';
import { whToKwhText } from '../../src/lib/domain/readings/kwh';
import { callerAs, seededDb } from './helpers/testDb';
import { aDevice } from './helpers/commands';

// Operators run `npm run import:readings` and `npm run billing` on the live database while the
// server takes pushes from phones: the server must wait its turn for the write lock, never
// answer "database is locked".

let demo: Awaited<ReturnType<typeof seededDb>>;
beforeAll(async () => {
	demo = await seededDb(1500);
});
afterAll(() => demo.cleanup());

/** Runs an npm script as a separate process, as an operator would; resolves with its exit. */
function npmRunAsync(script: string, args: string[], dataDir: string) {
	return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
		const child = spawn('npm', ['run', '--silent', script, '--', ...args], {
			cwd: process.cwd(),
			env: { ...process.env, DATA_DIR: dataDir },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('exit', (status) => resolve({ status, stdout, stderr }));
	});
}

describe('writers on one SQLite file', () => {
	it('applies every push while an import and a billing run write from other processes', async () => {
		const { db, dir } = demo;
		const meters = db.$client
			.prepare(
				`select m.serial, max(r.value_wh) as lastWh from meters m join readings r on r.meter_id = m.id
				 where m.removed_on is null group by m.id`
			)
			.all() as Array<{ serial: string; lastWh: number }>;
		// Every meter, every day from the seed's end to yesterday, 5 kWh a day more: tens of
		// thousands of new rows.
		const lines = ['meter,date,kwh'];
		const yesterday = addDays(tashkentToday(Date.now()), -1);
		for (const { serial, lastWh } of meters)
			for (let date = '2026-11-01', d = 1; date <= yesterday; date = addDays(date, 1), d++)
				lines.push(`${serial},${date},${whToKwhText(lastWh + d * 5000)}`);
		const file = join(dir, 'late.csv');
		writeFileSync(file, `${lines.join('\n')}\n`);

		const demoUser = await callerAs(db, 'demo', 'demo12345');
		const accountId = db.$client
			.prepare('select id from accounts where number = ?')
			.pluck()
			.get('1726001001') as number;
		const device = aDevice();

		let running = 2;
		const jobs = [
			npmRunAsync('import:readings', [file, '--json'], dir),
			npmRunAsync('billing', ['--month', '2026-10', '--json'], dir)
		].map((job) => job.finally(() => running--));

		let pushes = 0;
		const failures: string[] = [];
		while (running > 0) {
			const { command } = device.createRequest(accountId, 'inspection');
			try {
				const out = await demoUser.sync.push(device.push([command]));
				expect(out.results).toHaveLength(1);
			} catch (error) {
				failures.push(String(error));
				break;
			}
			pushes++;
			await new Promise((resolve) => setTimeout(resolve, 2));
		}
		const [imported, billed] = await Promise.all(jobs);
		expect(failures).toEqual([]);
		expect(imported.stderr).not.toContain('locked');
		expect(billed.stderr).not.toContain('locked');
		expect([imported.status, billed.status]).toEqual([0, 0]);
		expect(JSON.parse(imported.stdout)).toMatchObject({ rejected: 0, suspect: 0 });
		expect(JSON.parse(imported.stdout).inserted).toBeGreaterThan(20_000);
		expect(pushes).toBeGreaterThan(20);
	}, 120_000);
});
