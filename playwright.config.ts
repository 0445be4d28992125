import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = Number(process.env.E2E_PORT ?? 4173);
// A fresh database per run, seeded with a small demo by `npm start` itself.
export const E2E_DATA_DIR = join(tmpdir(), `tok-e2e-${port}`);
// The calendar the end-to-end tests live on: the server (TOK_CLOCK) and every page
// (tests/e2e/helpers/test.ts) start their clocks here, so the demo's "yesterday", "this month" and
// the month-so-far are the same on any day the tests run. Mid-month, mid-morning in Tashkent.
export const E2E_CLOCK = '2026-06-15T10:00:00+05:00';

// Playwright's own browsers cannot be downloaded here; Debian's Chromium can. CHROMIUM_PATH
// overrides, and where neither exists Playwright's own browser is used.
const chromiumPath =
	process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results/e2e',
	fullyParallel: false,
	workers: 1,
	retries: process.env.CI ? 1 : 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		locale: 'en-US',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: chromiumPath,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	projects: [
		{
			name: 'chromium',
			use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } }
		}
	],
	webServer: {
		command: `rm -rf ${E2E_DATA_DIR} && npm start`,
		url: `http://127.0.0.1:${port}/login`,
		timeout: 300_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		env: {
			DATA_DIR: E2E_DATA_DIR,
			PORT: String(port),
			HOST: '127.0.0.1',
			TOK_DEMO_ACCOUNTS: '200',
			TOK_CLOCK: E2E_CLOCK
		}
	}
});
