import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/lib/server/db';
import { callerAs, pullAll, seededDb } from './helpers/testDb';
import { aDevice } from './helpers/commands';
import { npmRun } from './helpers/builders';

// An operator backs up the live database on a schedule while phones push; the copy, put into
// an empty DATA_DIR, is a whole Tok database: its ledger verifies and phones sync with it.

let demo: Awaited<ReturnType<typeof seededDb>>;
let restoredDir: string;
beforeAll(async () => {
	demo = await seededDb(200);
	restoredDir = mkdtempSync(join(tmpdir(), 'tok-restore-'));
});
afterAll(() => {
	demo.cleanup();
	rmSync(restoredDir, { recursive: true, force: true });
});

function npmRunAsync(script: string, args: string[], dataDir: string) {
	return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
		const child = spawn('npm', ['run', '--silent', script, '--', ...args], {
			cwd: process.cwd(),
			env: { ...process.env, DATA_DIR: dataDir }
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('exit', (status) => resolve({ status, stdout, stderr }));
	});
}

describe('npm run backup', () => {
	it('copies the live database while pushes arrive; restored, it verifies and syncs', async () => {
		const { db, dir } = demo;
		const accountId = db.$client
			.prepare('select id from accounts where number = ?')
			.pluck()
			.get('1726001001') as number;
		const resident = await callerAs(db, 'demo', 'demo12345');
		const device = aDevice();
		const file = join(dir, 'backups', 'tok-2026-11-01.sqlite');

		let done = false;
		const backup = npmRunAsync('backup', [file], dir).finally(() => (done = true));
		let pushes = 0;
		while (!done) {
			const { command } = device.createRequest(accountId, 'inspection');
			const out = await resident.sync.push(device.push([command]));
			expect(out.results).toHaveLength(1);
			pushes++;
			await new Promise((resolve) => setTimeout(resolve, 5));
		}
		const result = await backup;
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		expect(result.stdout).toContain(`to ${file}`);
		expect(pushes).toBeGreaterThan(0);
		expect(readdirSync(join(dir, 'backups'))).toEqual(['tok-2026-11-01.sqlite']);

		// Restore: the file into an empty DATA_DIR, as the README says.
		copyFileSync(file, join(restoredDir, 'tok.sqlite'));
		const verify = npmRun('ledger:verify', [], restoredDir);
		expect(verify.stdout).toContain('Ledger OK');
		expect(verify.status).toBe(0);

		const restored = openDatabase(join(restoredDir, 'tok.sqlite'));
		try {
			const again = await callerAs(restored, 'demo', 'demo12345');
			const pulled = await pullAll(again);
			expect(pulled.rows('accounts').map((a) => a.number)).toEqual(
				expect.arrayContaining(['1726001001', '1726001002'])
			);
			const commands = restored.$client.prepare('select count(*) from sync_commands').pluck();
			const before = commands.get() as number;
			// The pushes the backup saw are there (some may have come after its snapshot).
			expect(before).toBeGreaterThan(0);
			expect(before).toBeLessThanOrEqual(pushes);
			const { command } = aDevice().createRequest(accountId, 'sealing');
			const pushed = await again.sync.push({ ...aDevice().push([command]) });
			expect(pushed.results[0].status).toBe('applied');
		} finally {
			restored.$client.close();
		}
	}, 120_000);

	it('refuses without a file, or with the live database as the target', () => {
		expect(npmRun('backup', [], demo.dir).status).toBe(2);
		const live = npmRun('backup', [join(demo.dir, 'tok.sqlite')], demo.dir);
		expect(live.status).toBe(2);
		expect(live.stderr).toContain('live database');
		expect(existsSync(join(demo.dir, 'tok.sqlite.partial'))).toBe(false);
	});
});
