// `npm start`: build if the sources changed, migrate, seed demo data into an empty database,
// print the demo sign-ins, then serve the built app. Production runs `npm run serve` (server.js) instead, which
// migrates but never seeds.
import { spawn, spawnSync } from 'node:child_process';
import { config } from '../config';
import { openDatabase } from '../db';
import { ensureReferenceData } from '../db/reference';
import { isEmpty, seedDemoData } from '../seed/demo';
import { DEMO_USERS, seedDemoUsers } from '../seed/users';
import { seedDemoOffice } from '../seed/office';
import { tashkentToday, addDays } from '../../domain/dates';
import { buildIsFresh } from './buildStamp';
import { serverNow } from '../clock';
import { DEMO_ONEID_CLIENT, DEMO_ONEID_PEOPLE } from '../seed/oneidPeople';
import { OneIdStandIn } from '../auth/oneid/standIn';

const root = process.cwd();

if (!buildIsFresh(root)) {
	console.log('Building Tok (first start or sources changed)…');
	const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
	if (build.status !== 0) process.exit(build.status ?? 1);
}

const db = openDatabase(config.databaseFile);
ensureReferenceData(db, serverNow());
if (isEmpty(db)) {
	const accounts = Number(process.env.TOK_DEMO_ACCOUNTS ?? 2000);
	const endDate = addDays(tashkentToday(serverNow()), -1);
	console.log(`Seeding demo data: ${accounts} accounts, 24 months of readings up to ${endDate}…`);
	let last = -1;
	seedDemoData(db, {
		accounts,
		endDate,
		onProgress: (done, total) => {
			const pct = Math.floor((done / total) * 10) * 10;
			if (pct !== last) process.stdout.write(`  ${pct}%${pct === 100 ? '\n' : ''}`);
			last = pct;
		}
	});
	await seedDemoUsers(db, serverNow());
	seedDemoOffice(db, serverNow());
}
db.$client.close();

const port = process.env.PORT ?? '3000';
const host = process.env.HOST ?? '0.0.0.0';
// OneID: unless one is configured, the local stand-in, served by this process (not by the app:
// SvelteKit refuses form POSTs without the app's own Origin, and OneID's grants are form POSTs
// from server to server). The browser is sent there too: 127.0.0.1, on ONEID_STANDIN_PORT or a
// free port. `npm run serve` never starts it.
let oneid: Record<string, string> = {};
if (!process.env.ONEID_BASE_URL) {
	const standIn = new OneIdStandIn(DEMO_ONEID_PEOPLE, DEMO_ONEID_CLIENT);
	const { baseUrl } = await standIn.listen(Number(process.env.ONEID_STANDIN_PORT ?? 0));
	oneid = {
		ONEID_BASE_URL: baseUrl,
		ONEID_CLIENT_ID: DEMO_ONEID_CLIENT.clientId,
		ONEID_CLIENT_SECRET: DEMO_ONEID_CLIENT.clientSecret,
		ONEID_SCOPE: DEMO_ONEID_CLIENT.scope
	};
}
console.log(`\nTok is serving on http://localhost:${port}  (data: ${config.databaseFile})`);
console.log('Demo sign-ins:');
for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(9)} ${u.login} / ${u.password}`);
if (!process.env.ONEID_BASE_URL) {
	console.log(
		`OneID: the local stand-in at ${oneid.ONEID_BASE_URL} ("Sign in with OneID" on /login):`
	);
	for (const p of DEMO_ONEID_PEOPLE) console.log(`  ${p.full_name}, PINFL ${p.pin}`);
}

const server = spawn(process.execPath, ['server.js'], {
	stdio: 'inherit',
	// Head-ends send up to 100,000 readings a request (a few MB); adapter-node's default is 512 kB.
	env: { BODY_SIZE_LIMIT: '16M', ...process.env, ...oneid, PORT: port, HOST: host, TOK_DEMO: '1' }
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
