import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
	const probe = createServer();
	probe.listen(0, '127.0.0.1');
	await once(probe, 'listening');
	const { port } = probe.address() as { port: number };
	probe.close();
	await once(probe, 'close');
	return port;
}

/**
 * The built app (`npm run serve`'s server.js, as production runs it) on a free port over `dataDir`, for tests
 * that attack the real server over HTTP. `npm test` builds before Vitest runs.
 */
export async function startBuiltServer(
	dataDir: string,
	env: Record<string, string> = {},
	/** Node's own flags for the server, e.g. `--cpu-prof` to profile it under a bench's load. */
	nodeArgs: readonly string[] = [],
	/** `build`: adapter-node's own server, without server.js's routes ahead of SvelteKit. */
	entryPoint: 'server.js' | 'build' = 'server.js'
) {
	const entry = join(process.cwd(), entryPoint);
	if (!existsSync(join(process.cwd(), 'build', 'index.js')))
		throw new Error('no build: run `npm run build` first');
	const port = await freePort();
	let output = '';
	const child: ChildProcess = spawn(process.execPath, [...nodeArgs, entry], {
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			DATA_DIR: dataDir,
			BODY_SIZE_LIMIT: '16M',
			...env
		}
	});
	const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
	child.stdout!.on('data', keep);
	child.stderr!.on('data', keep);
	const baseURL = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`the server exited:\n${output}`);
		if (
			await fetch(`${baseURL}/login`).then(
				(r) => r.ok,
				() => false
			)
		)
			break;
		if (Date.now() > deadline) throw new Error(`the server did not answer:\n${output}`);
		await sleep(100);
	}
	return {
		baseURL,
		pid: child.pid,
		get log() {
			return output;
		},
		get running() {
			return child.exitCode === null && child.signalCode === null;
		},
		async stop() {
			if (child.exitCode !== null || child.signalCode !== null) return;
			const exited = once(child, 'exit');
			child.kill('SIGTERM');
			await exited;
		}
	};
}
