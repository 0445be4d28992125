/**
 * `npm run bench`: runs each bench module in turn. A module exports `async function run()` that
 * prints its figures and returns `false` when it misses a target; the process then exits 1.
 */

const benches: ReadonlyArray<readonly [string, () => Promise<{ run: () => Promise<boolean> }>]> = [
	['tariff', () => import('./tariff.bench')],
	['sync', () => import('./sync.bench')],
	['billing', () => import('./billing.bench')],
	['payments', () => import('./payments.bench')]
];

let failed = 0;
for (const [name, load] of benches) {
	console.log(`\n# ${name}`);
	const { run } = await load();
	if (!(await run())) failed++;
}
console.log(
	failed === 0 ? '\nbench: all targets met' : `\nbench: ${failed} module(s) missed a target`
);
if (failed > 0) process.exitCode = 1;

export {};
