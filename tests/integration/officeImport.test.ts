import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { seededDb } from './helpers/testDb';
import { aMeter, anAccount, readingOf } from './helpers/builders';
import { POST as importPost } from '../../src/routes/api/office/readings/import/+server';
import { MAX_IMPORT_BYTES } from '../../src/lib/server/ingest/officeImport';
import { listAudit } from '../../src/lib/server/services/audit';

// The back office's upload of a readings CSV (/office/import): the endpoint streams NDJSON
// progress and then the import's report; refused files write nothing.

let db: Db;
let cleanup: () => void;
const staff = {} as Record<'operator' | 'otherOperator' | 'admin' | 'resident', SessionUser>;
let tashkentMeter: { id: number; serial: string };
let samarqandMeter: { id: number; serial: string };

const userOf = (login: string): SessionUser =>
	db.$client
		.prepare('select id, login, role, display_name as displayName from users where login = ?')
		.get(login) as SessionUser;

beforeAll(async () => {
	const seeded = await seededDb(3);
	({ db, cleanup } = seeded);
	process.env.DATA_DIR = seeded.dir;
	staff.operator = userOf('operator');
	staff.otherOperator = userOf('operator2');
	staff.admin = userOf('admin');
	staff.resident = userOf('demo2');
	tashkentMeter = aMeter(db, anAccount(db).id);
	// An account in one of the second operator's districts (Samarqand).
	const samarqand = db.$client
		.prepare('select district_soato from staff_districts where user_id = ? limit 1')
		.pluck()
		.get(staff.otherOperator.id) as string;
	const account = anAccount(db);
	db.$client
		.prepare('update accounts set district_soato = ? where id = ?')
		.run(samarqand, account.id);
	samarqandMeter = aMeter(db, account.id);
});
afterAll(() => cleanup());

function upload(user: SessionUser | null, body: BodyInit, type = 'text/csv') {
	return importPost({
		request: new Request('http://localhost/api/office/readings/import', {
			method: 'POST',
			headers: { 'content-type': type },
			body
		}),
		locals: { user }
	} as unknown as Parameters<typeof importPost>[0]);
}

/** The NDJSON answer as its lines, parsed. */
async function lines(response: Response): Promise<Record<string, unknown>[]> {
	expect(response.headers.get('content-type')).toBe('application/x-ndjson');
	return (await response.text())
		.split('\n')
		.filter((line) => line !== '')
		.map((line) => JSON.parse(line));
}

const readingCount = () =>
	db.$client.prepare('select count(*) from readings').pluck().get() as number;

describe('POST /api/office/readings/import', () => {
	it('streams progress as rows are judged, then the report by line, as the CLI import gives', async () => {
		const rows = ['meter,date,kwh'];
		// 2,500 days of one meter and 2,500 of another: two chunks, so at least two progress lines.
		const other = aMeter(db, anAccount(db).id);
		for (const meter of [tashkentMeter, other])
			for (let d = 0; d < 2500; d++) {
				const date = new Date(Date.UTC(2019, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
				rows.push(`${meter.serial},${date},${d}.5`);
			}
		rows.push('NO-SUCH-METER,2020-01-01,1', `${tashkentMeter.serial},2026-11-02,x`);
		const response = await upload(staff.operator, rows.join('\r\n'));
		expect(response.status).toBe(200);
		const answer = await lines(response);
		const progress = answer.filter((line) => 'done' in line);
		const total = rows.length - 1;
		expect(progress.length).toBeGreaterThanOrEqual(3);
		expect(progress.every((line) => line.total === total)).toBe(true);
		const done = progress.map((line) => line.done as number);
		expect(done).toEqual([...done].sort((a, b) => a - b));
		expect(done.at(-1)).toBe(total);
		const { report } = answer.at(-1) as { report: Record<string, unknown> };
		// Before 2020-01-01 the meters were not installed (the builder's default install day).
		const beforeInstall = 365;
		expect(report).toMatchObject({
			inserted: 2 * (2500 - beforeInstall),
			unchanged: 0,
			corrected: 0,
			rejected: 2 * beforeInstall + 2
		});
		const rejections = report.rejections as { row: number; reason: string }[];
		expect(rejections.find((r) => r.row === total)).toMatchObject({ reason: 'unknown_meter' });
		expect(rejections.find((r) => r.row === total + 1)).toMatchObject({
			reason: 'malformed_number'
		});
		expect(readingOf(db, tashkentMeter.id, '2020-01-01')).toMatchObject({
			value_wh: 365_500,
			source: 'import'
		});
		expect(listAudit(db, { limit: 1, event: 'readings_imported' })[0]).toMatchObject({
			userId: staff.operator.id,
			detail: { rows: total, inserted: 2 * (2500 - beforeInstall) }
		});
	});

	it('an operator’s rows for meters outside their districts are rejected; an admin’s go in', async () => {
		const csv = `meter,date,kwh\n${samarqandMeter.serial},2026-10-01,10\n${tashkentMeter.serial},2026-10-01,9000`;
		const answer = await lines(await upload(staff.operator, csv));
		expect(answer.at(-1)).toMatchObject({
			report: {
				inserted: 1,
				rejected: 1,
				rejections: [{ row: 2, reason: 'out_of_district' }]
			}
		});
		expect(readingOf(db, samarqandMeter.id, '2026-10-01')).toBeUndefined();

		const theirs = await lines(await upload(staff.otherOperator, csv));
		expect(theirs.at(-1)).toMatchObject({
			report: { inserted: 1, rejected: 1, rejections: [{ row: 3, reason: 'out_of_district' }] }
		});
		expect(readingOf(db, samarqandMeter.id, '2026-10-01')).toMatchObject({ value_wh: 10_000 });

		const admin = await lines(
			await upload(staff.admin, `meter,date,kwh\n${samarqandMeter.serial},2026-10-02,11`)
		);
		expect(admin.at(-1)).toMatchObject({ report: { inserted: 1, rejected: 0 } });
	});

	it('refuses junk, a wrong header, an empty file, another type and a huge file with a message key, writing nothing', async () => {
		const before = readingCount();
		const refusal = async (response: Response, status: number, key: string) => {
			expect(response.status).toBe(status);
			expect(await response.json()).toMatchObject({ error: key });
		};
		const junk = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0x9c, 0x80, 0x81]);
		await refusal(await upload(staff.operator, junk), 400, 'error.import_bad_header');
		await refusal(
			await upload(staff.operator, `serial;day;value\n${tashkentMeter.serial};2026-09-01;1`),
			400,
			'error.import_bad_header'
		);
		await refusal(await upload(staff.operator, '\n\n'), 400, 'error.import_empty');
		await refusal(
			await upload(staff.operator, '{"readings":[]}', 'application/json'),
			415,
			'error.import_not_csv'
		);
		// Good rows first, then past the limit: read as a stream, refused before any row applies.
		const head = `meter,date,kwh\n${tashkentMeter.serial},2026-09-01,1\n`;
		const filler = '#'.repeat(1024 * 1024);
		let sent = 0;
		const huge = new ReadableStream<Uint8Array>({
			pull(controller) {
				const text = sent === 0 ? head : `${filler}\n`;
				sent += text.length;
				controller.enqueue(new TextEncoder().encode(text));
				if (sent > MAX_IMPORT_BYTES + 1024 * 1024) controller.close();
			}
		});
		await refusal(
			await importPost({
				request: new Request('http://localhost/api/office/readings/import', {
					method: 'POST',
					headers: { 'content-type': 'text/csv' },
					body: huge,
					duplex: 'half'
				} as RequestInit),
				locals: { user: staff.operator }
			} as unknown as Parameters<typeof importPost>[0]),
			413,
			'error.import_too_large'
		);
		expect(sent).toBeLessThan(MAX_IMPORT_BYTES + 3 * 1024 * 1024);
		expect(readingCount()).toBe(before);
		expect(readingOf(db, tashkentMeter.id, '2026-09-01')).toBeUndefined();
	});
});
