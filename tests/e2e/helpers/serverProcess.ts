import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import {
	cpSync,
	existsSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { createServer } from 'node:net';
import { E2E_CLOCK } from '../../../playwright.config';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverDb } from './app';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const STAMP = join(root, 'build', '.tok-build-stamp');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A port nothing listens on right now. */
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
 * Copies the finished build (the stamp `npm run build` writes last is there before and after),
 * so that a rebuild in the project while a test runs cannot pull files from under a server the
 * test restarts. The copy runs as `npm run serve` does: ES modules, the project's node_modules.
 */
async function copyBuild(into: string, timeoutMs = 40_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const before = existsSync(STAMP) ? readFileSync(STAMP, 'utf8') : null;
		if (before !== null) {
			rmSync(join(into, 'build'), { recursive: true, force: true });
			cpSync(join(root, 'build'), join(into, 'build'), { recursive: true });
			if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === before) break;
		}
		if (Date.now() > deadline) throw new Error('no finished build to copy: run `npm run build`');
		await sleep(500);
	}
	cpSync(join(root, 'server.js'), join(into, 'server.js'));
	writeFileSync(join(into, 'package.json'), '{ "type": "module" }\n');
	symlinkSync(join(root, 'node_modules'), join(into, 'node_modules'), 'dir');
}

/**
 * A server of its own for a test that kills it: the built app in a process (group) of its own,
 * on a free port, with a consistent copy of another server's database (SQLite's online backup,
 * safe while that server writes) — demo data, users and all, without seeding again. Everything
 * lives in one temp directory that `dispose()` removes.
 */
export class ServerProcess {
	private child: ChildProcess | null = null;
	private output = '';

	private constructor(
		private readonly dir: string,
		readonly port: number
	) {}

	/** Copies the build and the database of the server at `fromDataDir` (the test server's). */
	static async create(fromDataDir?: string): Promise<ServerProcess> {
		const dir = mkdtempSync(join(tmpdir(), 'tok-e2e-own-'));
		const server = new ServerProcess(dir, await freePort());
		try {
			await copyBuild(dir);
			const db = serverDb(fromDataDir);
			try {
				await db.backup(join(server.dataDir, 'tok.sqlite'));
			} finally {
				db.close();
			}
		} catch (error) {
			await server.dispose();
			throw error;
		}
		return server;
	}

	get dataDir(): string {
		return this.dir;
	}

	get baseURL(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	/** What the server printed, for a failure report. */
	get log(): string {
		return this.output;
	}

	/** Starts the server and resolves once it answers. */
	async start(timeoutMs = 30_000): Promise<void> {
		if (this.child) throw new Error('already running');
		const child = spawn(process.execPath, [join(this.dir, 'server.js')], {
			cwd: root,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: {
				...process.env,
				PORT: String(this.port),
				HOST: '127.0.0.1',
				DATA_DIR: this.dataDir,
				BODY_SIZE_LIMIT: '16M',
				TOK_CLOCK: E2E_CLOCK
			}
		});
		const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-20_000));
		child.stdout!.on('data', keep);
		child.stderr!.on('data', keep);
		this.child = child;
		// A worker that dies without running afterAll must not leave a detached server behind.
		const killOnExit = () => {
			if (child.exitCode === null && child.signalCode === null)
				process.kill(-child.pid!, 'SIGKILL');
		};
		process.once('exit', killOnExit);
		child.once('exit', () => {
			process.removeListener('exit', killOnExit);
			if (this.child === child) this.child = null;
		});

		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.child !== child)
				throw new Error(`the server exited while starting:\n${this.output}`);
			const answered = await fetch(`${this.baseURL}/login`).then(
				(r) => r.ok,
				() => false
			);
			if (answered) return;
			await sleep(100);
		}
		throw new Error(`the server did not answer within ${timeoutMs} ms:\n${this.output}`);
	}

	/** SIGKILL to the whole group: no shutdown, no flush, as a power cut or the OOM killer. */
	async kill(): Promise<void> {
		const child = this.child;
		if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
		const exited = once(child, 'exit');
		process.kill(-child.pid, 'SIGKILL');
		await exited;
	}

	/** Kills the server if it runs and removes its directory. */
	async dispose(): Promise<void> {
		await this.kill();
		rmSync(this.dir, { recursive: true, force: true });
	}
}
