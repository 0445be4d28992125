import { inTransaction, type Db } from '../db';
import type { SessionUser } from '../auth/session';
import { reserveVersions } from '../db/version';
import { assignRequest } from '../services/office/requestActions';
import { addDays, tashkentToday } from '../../domain/dates';
import { uuidv7 } from '../../domain/uuidv7';
import type { RequestKind } from '../../domain/sync/commands';

// The back office's demo (npm start only, after the demo users): open requests in the queue of
// `operator` (Tashkent city), visits given to `inspector` — among them one for 1726001001 —
// and a Samarqand pair for `operator2` and `inspector2`, who see nothing of Tashkent's.

const DAY_MS = 86_400_000;

interface DemoRequest {
	/** A fixed demo account, or the n-th other account of the region. */
	account: string | { region: string; nth: number };
	kind: RequestKind;
	ageDays: number;
	note: string;
	/** Given to this inspector by this operator, the visit `visitInDays` from today. */
	assign?: { inspector: string; by: string; visitInDays: number | null; note: string };
}

const REQUESTS: DemoRequest[] = [
	{
		account: '1726001001',
		kind: 'inspection',
		ageDays: 2,
		note: 'Hisoblagich ekrani oʻchib-yonib turibdi.',
		assign: {
			inspector: 'inspector',
			by: 'operator',
			visitInDays: 1,
			note: 'Ertalab qoʻngʻiroq qiling.'
		}
	},
	{
		account: '1726001002',
		kind: 'sealing',
		ageDays: 5,
		note: '',
		assign: { inspector: 'inspector', by: 'operator', visitInDays: null, note: '' }
	},
	{ account: '1726001003', kind: 'meter_replacement', ageDays: 9, note: 'Eski hisoblagich.' },
	{ account: { region: '1726', nth: 0 }, kind: 'inspection', ageDays: 0, note: '' },
	{ account: { region: '1726', nth: 1 }, kind: 'sealing', ageDays: 1, note: '' },
	{ account: { region: '1726', nth: 2 }, kind: 'disconnection', ageDays: 4, note: 'Uy sotildi.' },
	{ account: { region: '1726', nth: 3 }, kind: 'inspection', ageDays: 12, note: '' },
	{
		account: { region: '1718', nth: 0 },
		kind: 'inspection',
		ageDays: 3,
		note: '',
		assign: { inspector: 'inspector2', by: 'operator2', visitInDays: 2, note: '' }
	},
	{
		account: { region: '1718', nth: 1 },
		kind: 'sealing',
		ageDays: 6,
		note: '',
		assign: { inspector: 'inspector2', by: 'operator2', visitInDays: null, note: '' }
	},
	{ account: { region: '1718', nth: 2 }, kind: 'meter_replacement', ageDays: 8, note: '' }
];

function accountId(db: Db, account: DemoRequest['account']): number | null {
	const row =
		typeof account === 'string'
			? db.$client.prepare('select id from accounts where number = ?').get(account)
			: db.$client
					.prepare(
						`select a.id from accounts a
						 where a.district_soato like ? and a.number not like '172600100%'
						   and exists (select 1 from meters m where m.account_id = a.id and m.removed_on is null)
						 order by a.id limit 1 offset ?`
					)
					.get(`${account.region}%`, account.nth);
	return (row as { id: number } | undefined)?.id ?? null;
}

function staff(db: Db, login: string): SessionUser {
	return db.$client
		.prepare('select id, login, role, display_name as displayName from users where login = ?')
		.get(login) as SessionUser;
}

export function seedDemoOffice(db: Db, nowMs: number): void {
	const today = tashkentToday(nowMs);
	inTransaction(db, () => {
		for (const r of REQUESTS) {
			const id = accountId(db, r.account);
			if (id === null) continue;
			const filedAtMs = nowMs - r.ageDays * DAY_MS - 3_600_000;
			const requestId = uuidv7(filedAtMs);
			db.$client
				.prepare(
					`insert into service_requests (id, account_id, kind, status, reason, note, created_at_ms, updated_at_ms, version)
					 values (?, ?, ?, 'submitted', '', ?, ?, ?, ?)`
				)
				.run(requestId, id, r.kind, r.note, filedAtMs, filedAtMs, reserveVersions(db));
			db.$client
				.prepare(
					`insert into request_events (request_id, status, reason, by_user_id, at_ms) values (?, 'submitted', null, null, ?)`
				)
				.run(requestId, filedAtMs);
			if (!r.assign) continue;
			assignRequest(
				db,
				staff(db, r.assign.by),
				{
					requestId,
					inspectorUserId: staff(db, r.assign.inspector).id,
					scheduledDate:
						r.assign.visitInDays === null ? null : addDays(today, r.assign.visitInDays),
					note: r.assign.note
				},
				filedAtMs + 1_800_000
			);
		}
	});
}
