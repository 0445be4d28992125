import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerAs, FIXED_NOW, pullAll, seededDb } from './helpers/testDb';
import { aRequest, userIdOf } from './helpers/office';
import { createUser } from '../../src/lib/server/services/auth';
import { staffDistricts } from '../../src/lib/server/db/schema';
import { LiveHub } from '../../src/lib/server/sync/live';
import { seedDemoOffice } from '../../src/lib/server/seed/office';
import { catalogue as ru } from '../../src/lib/i18n/catalogues/ru';
import type { Db } from '../../src/lib/server/db';

// The back office's queue and its assignments, through the real router on a real SQLite file:
// what an operator sees (their districts only), what an assignment does to the work order and
// to the inspector's and the resident's phones.

const DAY_MS = 86_400_000;
let db: Db;
let cleanup: () => void;
type Caller = Awaited<ReturnType<typeof callerAs>>;
let operator: Caller;
let operator2: Caller;
let admin: Caller;
let inspector: Caller;
let inspectorB: Caller;
let resident: Caller;
const live = new LiveHub();
let residentAccount: number;
let inspectorId: number;
let inspectorBId: number;
let inspector2Id: number;
let samarqandAccount: number;

const q = <T>(sql: string, ...args: unknown[]) => db.$client.prepare(sql).get(...args) as T;

beforeAll(async () => {
	({ db, cleanup } = await seededDb(60));
	residentAccount = q<{ id: number }>("select id from accounts where number = '1726001003'").id;
	samarqandAccount = q<{ id: number }>(
		"select id from accounts where district_soato like '1718%' order by id limit 1"
	).id;
	// A second inspector in Tashkent city, to reassign to.
	inspectorBId = await createUser(
		db,
		{ login: 'inspector-b', password: 'inspect12345', role: 'inspector', displayName: 'Bobur' },
		FIXED_NOW
	);
	const tashkent = q<{ d: string }>(
		'select district_soato as d from accounts where id = ?',
		residentAccount
	).d;
	db.insert(staffDistricts).values({ userId: inspectorBId, districtSoato: tashkent }).run();
	inspectorId = userIdOf(db, 'inspector');
	inspector2Id = userIdOf(db, 'inspector2');
	operator = await callerAs(db, 'operator', 'operate12345', live);
	operator2 = await callerAs(db, 'operator2', 'operate12345', live);
	admin = await callerAs(db, 'admin', 'admin12345', live);
	inspector = await callerAs(db, 'inspector', 'inspect12345', live);
	inspectorB = await callerAs(db, 'inspector-b', 'inspect12345', live);
	resident = await callerAs(db, 'demo2', 'demo12345', live);
});
afterAll(() => cleanup());

const districtOf = (accountId: number) =>
	q<{ d: string }>('select district_soato as d from accounts where id = ?', accountId).d;

async function everyPage(caller: Caller, filter: Record<string, unknown>, limit: number) {
	const ids: string[] = [];
	for (let cursor: string | undefined; ;) {
		const page = await caller.office.requests.list({ ...filter, limit, cursor });
		ids.push(...page.rows.map((r) => r.id));
		if (!page.nextCursor) return ids;
		cursor = page.nextCursor;
	}
}

describe('the queue', () => {
	let old: string;
	let fresh: string;
	let foreign: string;
	beforeAll(() => {
		old = aRequest(db, residentAccount, {
			kind: 'sealing',
			createdAtMs: FIXED_NOW - 10 * DAY_MS
		});
		fresh = aRequest(db, residentAccount, {
			kind: 'inspection',
			createdAtMs: FIXED_NOW - DAY_MS / 2
		});
		foreign = aRequest(db, samarqandAccount, {
			kind: 'sealing',
			createdAtMs: FIXED_NOW - 5 * DAY_MS
		});
	});

	it("shows an operator their districts' requests only, oldest first, with account and age", async () => {
		const { rows } = await operator.office.requests.list({});
		const ids = rows.map((r) => r.id);
		expect(ids).toContain(old);
		expect(ids).toContain(fresh);
		expect(ids).not.toContain(foreign);
		expect(ids.indexOf(old)).toBeLessThan(ids.indexOf(fresh));
		expect(rows.find((r) => r.id === old)).toMatchObject({
			accountNumber: '1726001003',
			districtSoato: districtOf(residentAccount),
			kind: 'sealing',
			status: 'submitted',
			ageDays: 10,
			workOrder: null
		});
		expect(rows.every((r) => r.districtSoato.startsWith('1726'))).toBe(true);
		const theirs = (await operator2.office.requests.list({})).rows;
		expect(theirs.map((r) => r.id)).toContain(foreign);
		expect(theirs.every((r) => r.districtSoato.startsWith('1718'))).toBe(true);
		const all = (await admin.office.requests.list({})).rows.map((r) => r.id);
		expect(all).toEqual(expect.arrayContaining([old, fresh, foreign]));
	});

	it('filters by kind, status, district and age', async () => {
		// Among this test's own three (the demo data files some of its own).
		const ids = async (filter: Record<string, unknown>) =>
			(await everyPage(admin, filter, 200)).filter((id) => [old, fresh, foreign].includes(id));
		expect(await ids({ kind: 'inspection' })).toEqual([fresh]);
		expect(await ids({ kind: 'sealing' })).toEqual([old, foreign]);
		expect(await ids({ districtSoato: districtOf(samarqandAccount) })).toEqual([foreign]);
		expect(await ids({ olderThanDays: 7 })).toEqual([old]);
		expect(await ids({ olderThanDays: 3 })).toEqual([old, foreign]);
		expect(await ids({ status: 'done' })).toEqual([]);
		expect(await ids({ status: 'submitted' })).toEqual([old, foreign, fresh]);
	});

	it('pages by cursor without losing or repeating a request, even when one is filed meanwhile', async () => {
		const extra = Array.from({ length: 5 }, (_, i) =>
			aRequest(db, residentAccount, {
				kind: 'disconnection',
				createdAtMs: FIXED_NOW - (20 - i) * DAY_MS
			})
		);
		const whole = await everyPage(admin, {}, 200);
		const paged = await everyPage(admin, {}, 2);
		expect(paged).toEqual(whole);
		expect(new Set(paged).size).toBe(paged.length);
		expect(paged).toEqual(expect.arrayContaining([...extra, old, fresh, foreign]));

		const first = await admin.office.requests.list({ limit: 2 });
		// Filed after the first page was read, older than all: it does not shift the next page.
		aRequest(db, residentAccount, { kind: 'disconnection', createdAtMs: FIXED_NOW - 99 * DAY_MS });
		const second = await admin.office.requests.list({ limit: 2, cursor: first.nextCursor! });
		expect(second.rows.map((r) => r.id)).toEqual(whole.slice(2, 4));
	});

	it("refuses an operator another district's filter, request and inspectors as foreign", async () => {
		const samarqand = districtOf(samarqandAccount);
		await expect(operator.office.requests.list({ districtSoato: samarqand })).rejects.toMatchObject(
			{ code: 'FORBIDDEN', message: 'error.account_forbidden' }
		);
		await expect(operator.office.requests.get({ requestId: foreign })).rejects.toMatchObject({
			code: 'FORBIDDEN'
		});
		await expect(operator.office.requests.accept({ requestId: foreign })).rejects.toMatchObject({
			code: 'FORBIDDEN'
		});
		await expect(
			operator.office.inspectors.list({ districtSoato: samarqand })
		).rejects.toMatchObject({ code: 'FORBIDDEN' });
		expect(
			q<{ status: string }>('select status from service_requests where id = ?', foreign)
		).toEqual({ status: 'submitted' });
	});

	it("lists the inspectors of the operator's districts", async () => {
		const mine = (await operator.office.inspectors.list({})).map((i) => i.userId);
		expect(mine).toEqual(expect.arrayContaining([inspectorId, inspectorBId]));
		expect(mine).not.toContain(inspector2Id);
		const theirs = (await operator2.office.inspectors.list({})).map((i) => i.userId);
		expect(theirs).toEqual([inspector2Id]);
	});
});

describe('assigning a request to an inspector', () => {
	let requestId: string;
	beforeAll(() => {
		requestId = aRequest(db, residentAccount, { kind: 'meter_replacement' });
	});

	it("makes a work order for the account's current meter, on the inspector's phone, and tells the resident", async () => {
		const pokes: string[] = [];
		const stops = [
			live.listen(inspectorId, () => pokes.push('inspector')),
			live.listen(userIdOf(db, 'demo2'), () => pokes.push('resident'))
		];
		const { workOrderId } = await operator.office.requests.assign({
			requestId,
			inspectorUserId: inspectorId,
			scheduledDate: '2026-11-04',
			note: 'Call first'
		});
		stops.forEach((stop) => stop());
		expect(pokes.sort()).toEqual(['inspector', 'resident']);

		const order = q<Record<string, unknown>>('select * from work_orders where id = ?', workOrderId);
		const meter = q<{ id: number }>(
			'select id from meters where account_id = ? and removed_on is null',
			residentAccount
		);
		expect(order).toMatchObject({
			request_id: requestId,
			account_id: residentAccount,
			meter_id: meter.id,
			kind: 'meter_replacement',
			status: 'assigned',
			inspector_user_id: inspectorId,
			scheduled_date: '2026-11-04',
			note: 'Call first'
		});

		const onPhone = (await pullAll(inspector)).rows('workOrders');
		expect(onPhone.find((o) => o.id === workOrderId)).toMatchObject({
			status: 'assigned',
			scheduledDate: '2026-11-04',
			account: { number: '1726001003' }
		});
		expect((await pullAll(inspectorB)).rows('workOrders').map((o) => o.id)).not.toContain(
			workOrderId
		);

		const request = (await pullAll(resident)).rows('requests').find((r) => r.id === requestId);
		expect(request).toMatchObject({ status: 'scheduled', statusReason: '2026-11-04' });
		expect((request!.history as Array<{ status: string }>).map((h) => h.status)).toEqual([
			'submitted',
			'accepted',
			'scheduled'
		]);

		const { rows } = await operator.office.requests.list({ kind: 'meter_replacement' });
		expect(rows.find((r) => r.id === requestId)?.workOrder).toMatchObject({
			id: workOrderId,
			status: 'assigned',
			inspectorName: 'Inspector'
		});
	});

	it('moves the order to another inspector: the first one sees it reassigned', async () => {
		const first = await pullAll(inspector);
		const { workOrderId } = await operator.office.requests.assign({
			requestId,
			inspectorUserId: inspectorBId
		});
		expect(
			q<{ n: number }>('select count(*) as n from work_orders where request_id = ?', requestId).n
		).toBe(1);
		const assignees = db.$client
			.prepare(
				'select inspector_user_id as who, unassigned_at_ms as gone from work_order_assignees where work_order_id = ? order by who'
			)
			.all(workOrderId);
		expect(assignees).toEqual(
			[
				{ who: inspectorId, gone: FIXED_NOW },
				{ who: inspectorBId, gone: null }
			].sort((a, b) => a.who - b.who)
		);
		const changed = await pullAll(inspector, first.cursor);
		expect(changed.rows('workOrders')).toEqual([
			expect.objectContaining({ id: workOrderId, status: 'reassigned' })
		]);
		expect((await pullAll(inspectorB)).rows('workOrders')).toEqual([
			expect.objectContaining({ id: workOrderId, status: 'assigned', scheduledDate: '2026-11-04' })
		]);
		const detail = await operator.office.requests.get({ requestId });
		expect(detail.workOrders).toMatchObject([{ id: workOrderId, inspectorName: 'Bobur' }]);
	});

	it('refuses an inspector who does not work in the account’s district', async () => {
		await expect(
			admin.office.requests.assign({ requestId, inspectorUserId: inspector2Id })
		).rejects.toMatchObject({ code: 'CONFLICT', message: 'error.inspector_not_found' });
		// A resident's id is no inspector either.
		await expect(
			admin.office.requests.assign({ requestId, inspectorUserId: userIdOf(db, 'demo2') })
		).rejects.toMatchObject({ message: 'error.inspector_not_found' });
	});

	it('a rejection cancels the order; the resident reads the preset reason in their language', async () => {
		const before = await pullAll(inspectorB);
		await expect(
			operator.office.requests.reject({ requestId, reason: 'other', text: '  ' })
		).rejects.toMatchObject({ message: 'error.reject_text_required' });
		await operator.office.requests.reject({ requestId, reason: 'no_access' });

		expect(
			(await pullAll(inspectorB, before.cursor)).rows('workOrders').map((o) => o.status)
		).toEqual(['cancelled']);
		const request = (await pullAll(resident)).rows('requests').find((r) => r.id === requestId)!;
		expect(request).toMatchObject({ status: 'rejected', statusReason: 'office.reject.no_access' });
		expect(ru[request.statusReason as keyof typeof ru]).toBe('Не было доступа к счётчику.');
		await expect(
			operator.office.requests.assign({ requestId, inspectorUserId: inspectorId })
		).rejects.toMatchObject({ message: 'error.request_closed' });
	});

	it('an explicit cancel calls the visit off and leaves the request open for someone else', async () => {
		const other = aRequest(db, residentAccount, { kind: 'sealing' });
		const { workOrderId } = await operator.office.requests.assign({
			requestId: other,
			inspectorUserId: inspectorId
		});
		await operator.office.workOrders.cancel({ workOrderId: workOrderId! });
		await expect(
			operator.office.workOrders.cancel({ workOrderId: workOrderId! })
		).rejects.toMatchObject({ message: 'error.work_order_not_found' });
		expect((await operator.office.requests.get({ requestId: other })).status).toBe('accepted');
		const again = await operator.office.requests.assign({
			requestId: other,
			inspectorUserId: inspectorBId
		});
		expect(again.workOrderId).not.toBe(workOrderId);
		const { rows } = await operator.office.requests.list({ kind: 'sealing', status: 'accepted' });
		expect(rows.find((r) => r.id === other)?.workOrder).toMatchObject({
			id: again.workOrderId,
			status: 'assigned'
		});
		await expect(
			operator2.office.workOrders.cancel({ workOrderId: again.workOrderId! })
		).rejects.toMatchObject({ code: 'FORBIDDEN' });
	});
});

describe('the dashboard', () => {
	it("counts open requests by district and age, and work orders by inspector and state, in the operator's districts", async () => {
		const dash = await operator.office.dashboard();
		const line = dash.districts.find((d) => d.districtSoato === districtOf(residentAccount))!;
		const open = db.$client
			.prepare(
				`select r.created_at_ms as at from service_requests r join accounts a on a.id = r.account_id
				 where a.district_soato = ? and r.status in ('submitted','accepted','scheduled')`
			)
			.all(districtOf(residentAccount)) as Array<{ at: number }>;
		expect(line.total).toBe(open.length);
		expect(line.byAge.older).toBe(open.filter((r) => FIXED_NOW - r.at >= 7 * DAY_MS).length);
		expect(line.byAge.today).toBe(open.filter((r) => FIXED_NOW - r.at < DAY_MS).length);
		expect(dash.districts.every((d) => d.districtSoato.startsWith('1726'))).toBe(true);
		const bobur = dash.inspectors.find((i) => i.inspectorUserId === inspectorBId)!;
		expect(bobur.byStatus).toMatchObject({ assigned: 1, cancelled: 1 });
		expect((await operator2.office.dashboard()).inspectors).toEqual([]);
	});
});

describe('the demo', () => {
	it("gives the inspector 1726001001's visit and inspector2 Samarqand's, each operator their own queue", async () => {
		seedDemoOffice(db, FIXED_NOW);
		const orders = (await pullAll(inspector)).rows('workOrders');
		expect(
			orders.some(
				(o) => (o.account as { number: string }).number === '1726001001' && o.status === 'assigned'
			)
		).toBe(true);
		const samarqand = await callerAs(db, 'inspector2', 'inspect12345');
		const theirs = (await pullAll(samarqand)).rows('workOrders');
		expect(theirs.length).toBeGreaterThanOrEqual(2);
		expect(
			theirs.every((o) => (o.account as { districtSoato: string }).districtSoato.startsWith('1718'))
		).toBe(true);
		const queue = await everyPage(operator2, {}, 200);
		expect(queue.length).toBeGreaterThanOrEqual(3);
	});
});
