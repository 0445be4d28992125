// `npx tsx tests/bench/only.ts sync` runs one bench module (for iterating on it).
const name = process.argv[2];
const { run } = (await import(`./${name}.bench.ts`)) as { run: () => Promise<boolean> };
if (!(await run())) process.exitCode = 1;
export {};
