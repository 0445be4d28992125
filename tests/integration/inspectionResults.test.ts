import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import type { Db } from '../../src/lib/server/db';
import { createUser } from '../../src/lib/server/services/auth';
import { LiveHub } from '../../src/lib/server/sync/live';
import { billMonth } from '../../src/lib/server/services/billing/run';
import { rateMonth, TARIFF_VERSIONS } from '../../src/lib/tariff';
import { whToKwhText } from '../../src/lib/domain/readings/kwh';
import { callerAs, FIXED_NOW, pullAll, seededDb } from './helpers/testDb';
import { aDevice } from './helpers/commands';
import { aMeter, anAccount, dailyReadings, readingsOn } from './helpers/builders';
import {
	aWorkOrder,
	cancelWorkOrder,
	currentMeterOf,
	reassignWorkOrder,
	userIdOf,
	visitPayload
} from './helpers/workOrders';

type Caller = Awaited<ReturnType<typeof callerAs>>;

let db: Db;
let cleanup: () => void;
const live = new LiveHub();
let inspector: Caller;
let inspector3: Caller;
let otherInspector: Caller;
let resident: Caller;
let operator: Caller;
let otherOperator: Caller;
let admin: Caller;
let serial = 0;

beforeAll(async () => {
	({ db, cleanup } = await seededDb(0));
	// A second inspector in Tashkent, for two inspectors offline with the same seal.
	const id = await createUser(
		db,
		{
			login: 'inspector3',
			password: 'inspect12345',
			role: 'inspector',
			displayName: 'Ali Valiyev'
		},
		FIXED_NOW
	);
	db.$client
		.prepare(
			`insert into staff_districts (user_id, district_soato)
			 select ?, district_soato from staff_districts where user_id = ?`
		)
		.run(id, userIdOf(db, 'inspector'));
	inspector = await callerAs(db, 'inspector', 'inspect12345', live);
	inspector3 = await callerAs(db, 'inspector3', 'inspect12345', live);
	otherInspector = await callerAs(db, 'inspector2', 'inspect12345', live);
	resident = await callerAs(db, 'demo2', 'demo12345', live);
	operator = await callerAs(db, 'operator', 'operate12345', live);
	otherOperator = await callerAs(db, 'operator2', 'operate12345', live);
	admin = await callerAs(db, 'admin', 'admin12345', live);
});
afterAll(() => cleanup());

/** A Tashkent account with a smart meter read daily from 30 September (1,000 kWh, 5 kWh a day): 1,155 kWh on 31 October. */
function aHome(seal: string | null = null) {
	const account = anAccount(db);
	const meter = aMeter(db, account.id, { serial: `INS${String(++serial).padStart(5, '0')}` });
	if (seal)
		db.$client.prepare('update meters set seal_number = ? where id = ?').run(seal, meter.id);
	dailyReadings(db, meter.id, '2026-09-30', '2026-10-31', 1_000_000, 5_000);
	return { account, meter };
}

async function record(caller: Caller, payload: Record<string, unknown>, device = aDevice()) {
	const out = await caller.sync.push(device.push([device.command('inspection.record', payload)]));
	return out.results[0] as
		| { status: 'applied'; result: { outcome: string; reviewReason: string | null } }
		| { status: 'refused'; reason: string };
}

const resultRow = (id: unknown) =>
	db.$client.prepare('select * from inspection_results where id = ?').get(id) as
		Record<string, unknown> | undefined;
const orderRow = (id: string) =>
	db.$client.prepare('select * from work_orders where id = ?').get(id) as Record<string, unknown>;
const sealRow = (number: string) =>
	db.$client.prepare('select * from seals where number = ?').get(number) as
		Record<string, unknown> | undefined;
const readingsOf = (meterId: number, date: string) =>
	db.$client
		.prepare('select value_wh as valueWh, source from readings where meter_id = ? and date = ?')
		.all(meterId, date);

describe('an inspector’s result applied', () => {
	it('seals the meter, keeps the reading as the inspector’s on the visit’s day, closes the order and the request', async () => {
		const { account, meter } = aHome('PL-OLD-01');
		const requestId = db.$client
			.prepare(
				`insert into service_requests (id, account_id, kind, status, created_at_ms, updated_at_ms, version)
				 values (lower(hex(randomblob(4))) || '-0000-7000-8000-' || lower(hex(randomblob(6))), ?, 'sealing', 'scheduled', 0, 0, 1) returning id`
			)
			.pluck()
			.get(account.id) as string;
		const order = aWorkOrder(db, {
			accountId: account.id,
			inspector: 'inspector',
			kind: 'sealing',
			requestId
		});
		const payload = visitPayload(order.id, 'sealing', {
			newSeal: 'tk 100 001',
			removedSeal: 'PL-OLD-01',
			readingKwh: '1157.5'
		});
		const got = await record(inspector, payload);
		expect(got).toMatchObject({
			status: 'applied',
			result: { outcome: 'applied', reviewReason: null }
		});

		expect(sealRow('TK100001')).toMatchObject({
			meter_id: meter.id,
			result_id: payload.resultId,
			removed_at_ms: null
		});
		expect(sealRow('PL-OLD-01')).toMatchObject({ meter_id: meter.id, removed_at_ms: FIXED_NOW });
		expect(currentMeterOf(db, account.id).sealNumber).toBe('TK100001');
		// Recorded at 07:00 UTC on 1 November: noon in Tashkent, the same day.
		expect(readingsOf(meter.id, '2026-11-01')).toEqual([
			{ valueWh: 1_157_500, source: 'inspector' }
		]);
		expect(orderRow(order.id).status).toBe('done');
		const request = db.$client
			.prepare('select status from service_requests where id = ?')
			.pluck()
			.get(requestId);
		expect(request).toBe('done');
	});

	it('is held for review when a reading breaks the reading rules, and nothing of it is applied', async () => {
		const { account, meter } = aHome();
		const order = aWorkOrder(db, {
			accountId: account.id,
			inspector: 'inspector',
			kind: 'sealing'
		});
		// 1,000 kWh on 1 November, below the 1,155 kWh of 31 October: the register cannot run back.
		const payload = visitPayload(order.id, 'sealing', { newSeal: 'TK-100002', readingKwh: '1000' });
		const got = await record(inspector, payload);
		expect(got).toMatchObject({
			result: { outcome: 'needs_review', reviewReason: 'reading_rejected' }
		});
		expect(JSON.parse(resultRow(payload.resultId)!.conflict_detail as string)).toMatchObject({
			meterSerial: meter.serial,
			rejection: 'lower_than_previous'
		});
		expect(sealRow('TK-100002')).toBeUndefined();
		expect(readingsOf(meter.id, '2026-11-01')).toEqual([]);
		expect(orderRow(order.id).status).toBe('needs_review');
	});

	it('applies with a reading above the daily ceiling, which waits for an operator like other suspects', async () => {
		const { account, meter } = aHome();
		const order = aWorkOrder(db, {
			accountId: account.id,
			inspector: 'inspector',
			kind: 'meter_check'
		});
		const payload = visitPayload(order.id, 'meter_check', { readingKwh: '9150' }); // 8,000 kWh in a day
		const got = await record(inspector, payload);
		expect(got).toMatchObject({ result: { outcome: 'applied' } });
		expect(readingsOf(meter.id, '2026-11-01')).toEqual([]);
		const held = db.$client
			.prepare(
				"select value_wh as valueWh, source from suspect_readings where meter_id = ? and status = 'held'"
			)
			.all(meter.id);
		expect(held).toEqual([{ valueWh: 9_150_000, source: 'inspector' }]);
		expect(orderRow(order.id).status).toBe('done');
	});

	it('pokes the resident of the account and the inspector whose order changed', async () => {
		const account = db.$client
			.prepare("select id from accounts where number = '1726001003'")
			.pluck()
			.get() as number;
		const order = aWorkOrder(db, {
			accountId: account,
			inspector: 'inspector',
			kind: 'meter_check'
		});
		const last = db.$client
			.prepare('select max(value_wh) from readings where meter_id = ?')
			.pluck()
			.get(order.meterId) as number;
		const poked: number[] = [];
		const stops = [
			userIdOf(db, 'demo2'),
			userIdOf(db, 'inspector'),
			userIdOf(db, 'inspector2')
		].map((id) => live.listen(id, () => poked.push(id)));
		await record(
			inspector,
			visitPayload(order.id, 'meter_check', { readingKwh: whToKwhText(last + 1_000) })
		);
		for (const stop of stops) stop();
		expect(new Set(poked)).toEqual(new Set([userIdOf(db, 'demo2'), userIdOf(db, 'inspector')]));
	});
});

describe('conflicts the server decides: kept, flagged with a reason, never dropped', () => {
	it('the same seal by two inspectors offline: the first to arrive wins, the other is flagged, both kept', async () => {
		const first = aHome();
		const second = aHome();
		const a = aWorkOrder(db, {
			accountId: first.account.id,
			inspector: 'inspector',
			kind: 'sealing'
		});
		const b = aWorkOrder(db, {
			accountId: second.account.id,
			inspector: 'inspector3',
			kind: 'sealing'
		});
		const pa = visitPayload(a.id, 'sealing', { newSeal: 'TK-200001' });
		const pb = visitPayload(b.id, 'sealing', { newSeal: 'tk-200001 ' });
		expect(await record(inspector, pa)).toMatchObject({ result: { outcome: 'applied' } });
		expect(await record(inspector3, pb)).toMatchObject({
			result: { outcome: 'needs_review', reviewReason: 'seal_in_use' }
		});
		expect(resultRow(pa.resultId)).toMatchObject({ outcome: 'applied' });
		expect(resultRow(pb.resultId)).toMatchObject({
			outcome: 'needs_review',
			review_reason: 'seal_in_use'
		});
		expect(JSON.parse(resultRow(pb.resultId)!.conflict_detail as string)).toMatchObject({
			sealNumber: 'TK-200001',
			meterId: first.meter.id,
			meterSerial: first.meter.serial,
			accountNumber: first.account.number
		});
		expect(sealRow('TK-200001')).toMatchObject({ meter_id: first.meter.id });
		expect(currentMeterOf(db, second.account.id).sealNumber).toBeNull();
		expect(orderRow(a.id).status).toBe('done');
		expect(orderRow(b.id).status).toBe('needs_review');
	});

	it('a seal number HET already had on a meter before Tok counts as in use', async () => {
		aHome('PL-HET-77');
		const { account } = aHome();
		const order = aWorkOrder(db, {
			accountId: account.id,
			inspector: 'inspector',
			kind: 'sealing'
		});
		expect(
			await record(inspector, visitPayload(order.id, 'sealing', { newSeal: 'PL-HET-77' }))
		).toMatchObject({
			result: { reviewReason: 'seal_in_use' }
		});
	});

	it('an order cancelled while the inspector was offline: the result is kept, the order stays cancelled', async () => {
		const { account, meter } = aHome();
		const order = aWorkOrder(db, {
			accountId: account.id,
			inspector: 'inspector',
			kind: 'sealing'
		});
		cancelWorkOrder(db, order.id);
		const payload = visitPayload(order.id, 'sealing', { newSeal: 'TK-300001', readingKwh: '1156' });
		expect(await record(inspector, payload)).toMatchObject({
			result: { outcome: 'needs_review', reviewReason: 'order_cancelled' }
		});
		expect(JSON.parse(resultRow(payload.resultId)!.conflict_detail as string)).toEqual({
			status: 'cancelled',
			atMs: FIXED_NOW - 3_600_000
		});
		expect(JSON.parse(resultRow(payload.resultId)!.payload as string)).toMatchObject({
			newSeal: 'TK-300001'
		});
		expect(orderRow(order.id).status).toBe('cancelled');
		expect(sealRow('TK-300001')).toBeUndefined();
		expect(readingsOf(meter.id, '2026-11-01')).toEqual([]);
	});

	it('a meter replaced meanwhile: a sealing meant for the old meter is flagged with the new one', async () => {
		const { account, meter } = aHome();
		const order = aWorkOrder(db, {
			accountId: account.id,
			inspector: 'inspector',
			kind: 'sealing'
		});
		// Another visit replaces the meter first.
		const replace = aWorkOrder(db, {
			accountId: account.id,
			inspector: 'inspector3',
			kind: 'meter_replacement'
		});
		expect(
			await record(
				inspector3,
				visitPayload(replace.id, 'meter_replacement', {
					readingKwh: '1156',
					newMeterSerial: 'REPL-400001',
					newMeterInitialKwh: '0.5',
					newSeal: 'TK-400002'
				})
			)
		).toMatchObject({ result: { outcome: 'applied' } });
		const payload = visitPayload(order.id, 'sealing', { newSeal: 'TK-400001' });
		expect(await record(inspector, payload)).toMatchObject({
			result: { outcome: 'needs_review', reviewReason: 'meter_replaced' }
		});
		expect(JSON.parse(resultRow(payload.resultId)!.conflict_detail as string)).toMatchObject({
			meterSerial: 'REPL-400001',
			// Midnight of 1 November in Tashkent, the day the new meter went on.
			replacedAtMs: Date.parse('2026-10-31T19:00:00Z')
		});
		expect(sealRow('TK-400001')).toBeUndefined();
		expect(
			db.$client.prepare('select seal_number from meters where id = ?').pluck().get(meter.id)
		).toBeNull();
	});

	it('a second meter the account had before the order is not a replacement', async () => {
		const { account, meter } = aHome();
		aMeter(db, account.id, { serial: `INS2${String(++serial).padStart(5, '0')}` });
		const order = aWorkOrder(db, {
			accountId: account.id,
			inspector: 'inspector',
			kind: 'sealing',
			meterId: meter.id
		});
		expect(
			await record(inspector, visitPayload(order.id, 'sealing', { newSeal: 'TK-410001' }))
		).toMatchObject({ result: { outcome: 'applied' } });
		expect(sealRow('TK-410001')).toMatchObject({ meter_id: meter.id });
	});

	it('a new meter whose serial is already another meter’s is flagged serial_in_use', async () => {
		const other = aHome();
		const { account } = aHome();
		const order = aWorkOrder(db, {
			accountId: account.id,
			inspector: 'inspector',
			kind: 'meter_replacement'
		});
		const payload = visitPayload(order.id, 'meter_replacement', {
			readingKwh: '1156',
			newMeterSerial: other.meter.serial,
			newSeal: 'TK-450001'
		});
		expect(await record(inspector, payload)).toMatchObject({
			result: { reviewReason: 'serial_in_use' }
		});
		expect(JSON.parse(resultRow(payload.resultId)!.conflict_detail as string)).toMatchObject({
			meterSerial: other.meter.serial,
			accountNumber: other.account.number
		});
	});

	it('an order reassigned while offline: the old inspector’s result is flagged, the new one’s applies', async () => {
		const { account } = aHome();
		const order = aWorkOrder(db, {
			accountId: account.id,
			inspector: 'inspector',
			kind: 'sealing'
		});
		reassignWorkOrder(db, order.id, 'inspector3');
		const old = visitPayload(order.id, 'sealing', { newSeal: 'TK-500001' });
		expect(await record(inspector, old)).toMatchObject({
			result: { outcome: 'needs_review', reviewReason: 'order_reassigned' }
		});
		expect(JSON.parse(resultRow(old.resultId)!.conflict_detail as string)).toEqual({
			inspector: { login: 'inspector3', displayName: 'Ali Valiyev' }
		});
		// The order is still the new inspector's to do.
		expect(orderRow(order.id).status).toBe('assigned');
		expect(
			await record(inspector3, visitPayload(order.id, 'sealing', { newSeal: 'TK-500002' }))
		).toMatchObject({ result: { outcome: 'applied' } });
		expect(orderRow(order.id).status).toBe('done');
		expect(currentMeterOf(db, account.id).sealNumber).toBe('TK-500002');
	});
});

describe('idempotency and refusals', () => {
	it('the same command twice, or the same result id in a new command, applies once', async () => {
		const { account } = aHome();
		const order = aWorkOrder(db, {
			accountId: account.id,
			inspector: 'inspector',
			kind: 'sealing'
		});
		const device = aDevice();
		const payload = visitPayload(order.id, 'sealing', { newSeal: 'TK-600001' });
		const command = device.command('inspection.record', payload);
		const once = await inspector.sync.push(device.push([command]));
		const twice = await inspector.sync.push(device.push([command]));
		expect(twice.results).toEqual(once.results);
		// A reinstalled phone sends the result again under a new command id.
		expect(await record(inspector, payload)).toMatchObject({ result: { outcome: 'applied' } });
		expect(
			db.$client
				.prepare('select count(*) from inspection_results where work_order_id = ?')
				.pluck()
				.get(order.id)
		).toBe(1);
		expect(
			db.$client.prepare("select count(*) from seals where number = 'TK-600001'").pluck().get()
		).toBe(1);
	});

	it('two different results for one order: the second is flagged already_done, both kept', async () => {
		const { account } = aHome();
		const order = aWorkOrder(db, {
			accountId: account.id,
			inspector: 'inspector',
			kind: 'sealing'
		});
		const first = visitPayload(order.id, 'sealing', { newSeal: 'TK-610001' });
		const second = visitPayload(order.id, 'sealing', { newSeal: 'TK-610002' });
		await record(inspector, first);
		expect(await record(inspector, second)).toMatchObject({
			result: { outcome: 'needs_review', reviewReason: 'already_done' }
		});
		expect(resultRow(second.resultId)).toMatchObject({ outcome: 'needs_review' });
		expect(JSON.parse(resultRow(second.resultId)!.conflict_detail as string)).toEqual({
			status: 'done',
			atMs: first.recordedAtMs
		});
		expect(orderRow(order.id).status).toBe('done');
		expect(currentMeterOf(db, account.id).sealNumber).toBe('TK-610001');
	});

	it('an inspector recording on an order never theirs is refused, and nothing is stored', async () => {
		const { account } = aHome();
		const order = aWorkOrder(db, {
			accountId: account.id,
			inspector: 'inspector',
			kind: 'sealing'
		});
		const payload = visitPayload(order.id, 'sealing', { newSeal: 'TK-620001' });
		for (const caller of [otherInspector, inspector3])
			expect(await record(caller, payload)).toEqual(
				expect.objectContaining({ status: 'refused', reason: 'error.work_order_forbidden' })
			);
		expect(resultRow(payload.resultId)).toBeUndefined();
		expect(sealRow('TK-620001')).toBeUndefined();
		expect(orderRow(order.id).status).toBe('assigned');
	});

	it('a resident cannot record an inspection', async () => {
		const account = db.$client
			.prepare("select id from accounts where number = '1726001003'")
			.pluck()
			.get() as number;
		const order = aWorkOrder(db, { accountId: account, inspector: 'inspector', kind: 'sealing' });
		const payload = visitPayload(order.id, 'sealing', { newSeal: 'TK-630001' });
		expect(await record(resident, payload)).toMatchObject({ status: 'refused' });
		expect(resultRow(payload.resultId)).toBeUndefined();
	});
});

describe('a meter replacement', () => {
	it('ends the old meter with its final reading, starts the new one, and billing continues across it to the tiyin', async () => {
		const account = anAccount(db);
		const old = aMeter(db, account.id, { serial: 'OLD-700001' });
		db.$client.prepare("update meters set seal_number = 'PL-700000' where id = ?").run(old.id);
		dailyReadings(db, old.id, '2026-09-30', '2026-10-13', 2_000_000, 10_000);
		const order = aWorkOrder(db, {
			accountId: account.id,
			inspector: 'inspector',
			kind: 'meter_replacement',
			atMs: Date.parse('2026-10-10T06:00:00Z')
		});
		// On 14 October at 15:00 in Tashkent: 10 kWh more on the old meter since the 13th.
		const payload = visitPayload(order.id, 'meter_replacement', {
			recordedAtMs: Date.parse('2026-10-14T10:00:00Z'),
			readingKwh: '2140',
			removedSeal: 'PL-700000',
			newMeterSerial: 'new 700002',
			newMeterInitialKwh: '0.000',
			newSeal: 'TK-700003'
		});
		expect(await record(inspector, payload)).toMatchObject({ result: { outcome: 'applied' } });

		const meters = db.$client
			.prepare(
				'select id, serial, seal_number as sealNumber, installed_on as installedOn, removed_on as removedOn from meters where account_id = ? order by id'
			)
			.all(account.id) as Array<{
			id: number;
			serial: string;
			sealNumber: string | null;
			installedOn: string;
			removedOn: string | null;
		}>;
		expect(meters).toMatchObject([
			{ serial: 'OLD-700001', sealNumber: null, removedOn: '2026-10-14' },
			{ serial: 'NEW700002', sealNumber: 'TK-700003', installedOn: '2026-10-14', removedOn: null }
		]);
		expect(readingsOf(old.id, '2026-10-14')).toEqual([{ valueWh: 2_140_000, source: 'inspector' }]);
		expect(readingsOf(meters[1].id, '2026-10-14')).toEqual([{ valueWh: 0, source: 'inspector' }]);
		expect(sealRow('PL-700000')).toMatchObject({ meter_id: old.id, removed_at_ms: FIXED_NOW });
		expect(sealRow('TK-700003')).toMatchObject({ meter_id: meters[1].id, removed_at_ms: null });

		// The new meter goes on at 10 kWh a day to 31 October: 17 days.
		readingsOn(db, meters[1].id, { '2026-10-31': 170_000 });
		billMonth(db, { month: '2026-10', nowMs: FIXED_NOW });
		const charge = db.$client
			.prepare(
				"select usage_wh as usageWh, amount_tiyin as amountTiyin from charges where account_id = ? and month = '2026-10'"
			)
			.get(account.id) as { usageWh: number; amountTiyin: number };
		// 140 kWh on the old meter (2,000 → 2,140), 170 on the new (0 → 170): 310 kWh.
		expect(charge.usageWh).toBe(310_000);
		// Household from May 2025: 200 kWh at 600 so'm, the next 110 at 800 so'm.
		const byHand = (200 * 600 + 110 * 800) * 100;
		expect(charge.amountTiyin).toBe(byHand);
		expect(
			rateMonth(TARIFF_VERSIONS, 'household', '2026-10', '310').total.times(100).toNumber()
		).toBe(byHand);
	});
});

describe('the inspectors’ pull', () => {
	it('gives each inspector only their orders, a reassigned one as reassigned to the old and assigned to the new, and residents none', async () => {
		const { account, meter } = aHome('PL-800000');
		const mine = aWorkOrder(db, {
			accountId: account.id,
			inspector: 'inspector',
			kind: 'meter_check'
		});
		const moved = aWorkOrder(db, {
			accountId: account.id,
			inspector: 'inspector',
			kind: 'sealing'
		});
		reassignWorkOrder(db, moved.id, 'inspector3');

		const own = (await pullAll(inspector)).rows('workOrders');
		const row = own.find((r) => r.id === mine.id);
		expect(row).toMatchObject({
			accountId: account.id,
			kind: 'meter_check',
			status: 'assigned',
			account: { number: account.number, holderName: 'Karimov Aziz', districtSoato: '1726264' },
			meter: { id: meter.id, serial: meter.serial, sealNumber: 'PL-800000' },
			result: null
		});
		expect((row!.lastReadings as Array<{ date: string }>).map((r) => r.date)).toEqual([
			'2026-10-31',
			'2026-10-30',
			'2026-10-29'
		]);
		expect(own.find((r) => r.id === moved.id)).toMatchObject({ status: 'reassigned' });
		const theirs = (await pullAll(inspector3)).rows('workOrders');
		expect(theirs.find((r) => r.id === moved.id)).toMatchObject({ status: 'assigned' });
		expect(theirs.find((r) => r.id === mine.id)).toBeUndefined();

		expect((await pullAll(otherInspector)).rows('workOrders')).toEqual([]);
		expect((await pullAll(resident)).rows('workOrders')).toEqual([]);
		// Inspectors hold no account tables.
		expect((await pullAll(inspector)).rows('accounts')).toEqual([]);
	});

	it('shows the inspector their result’s outcome after a push, held or applied', async () => {
		const { account } = aHome();
		const order = aWorkOrder(db, {
			accountId: account.id,
			inspector: 'inspector',
			kind: 'sealing'
		});
		reassignWorkOrder(db, order.id, 'inspector3');
		const { cursor } = await pullAll(inspector);
		const payload = visitPayload(order.id, 'sealing', { newSeal: 'TK-810001' });
		await record(inspector, payload);
		const after = (await pullAll(inspector, cursor)).rows('workOrders');
		expect(after.find((r) => r.id === order.id)).toMatchObject({
			status: 'reassigned',
			result: { id: payload.resultId, outcome: 'needs_review', reviewReason: 'order_reassigned' }
		});
	});

	it('shows the resident their request done with the new seal number', async () => {
		const accountId = db.$client
			.prepare("select id from accounts where number = '1726001003'")
			.pluck()
			.get() as number;
		const device = aDevice();
		const make = device.createRequest(accountId, 'sealing');
		await resident.sync.push(device.push([make.command]));
		const { cursor } = await pullAll(resident);
		const order = aWorkOrder(db, {
			accountId,
			inspector: 'inspector',
			kind: 'sealing',
			requestId: make.requestId
		});
		const last = db.$client
			.prepare('select max(value_wh) from readings where meter_id = ?')
			.pluck()
			.get(order.meterId) as number;
		await record(
			inspector,
			visitPayload(order.id, 'sealing', { newSeal: 'TK-820001', readingKwh: whToKwhText(last) })
		);
		const requests = (await pullAll(resident, cursor)).rows('requests');
		expect(requests.find((r) => r.id === make.requestId)).toMatchObject({
			status: 'done',
			sealNumber: 'TK-820001'
		});
		const history = requests.find((r) => r.id === make.requestId)!.history as Array<{
			status: string;
		}>;
		expect(history.map((h) => h.status)).toEqual(['submitted', 'done']);
	});
});

describe('office.review', () => {
	async function heldCancelled() {
		const { account, meter } = aHome();
		const order = aWorkOrder(db, {
			accountId: account.id,
			inspector: 'inspector',
			kind: 'sealing'
		});
		cancelWorkOrder(db, order.id);
		const payload = visitPayload(order.id, 'sealing', {
			newSeal: `TK-9${String(++serial).padStart(5, '0')}`,
			readingKwh: '1156',
			photos: [{ sha256: 'a'.repeat(64), sizeBytes: 1000, type: 'image/jpeg' }]
		});
		await record(inspector, payload);
		return { account, meter, order, payload };
	}

	it('lists held results in the operator’s districts, newest first, with both versions and photos', async () => {
		const held = await heldCancelled();
		const list = await operator.office.review.list({});
		const item = list.items.find((i) => i.resultId === held.payload.resultId);
		expect(item).toMatchObject({
			workOrderId: held.order.id,
			kind: 'sealing',
			reviewReason: 'order_cancelled',
			account: { id: held.account.id, number: held.account.number, districtSoato: '1726264' },
			inspector: { login: 'inspector' },
			recorded: { newSeal: held.payload.newSeal, readingKwh: '1156' },
			current: { status: 'cancelled' },
			photos: ['a'.repeat(64)]
		});
		const received = list.items.map((i) => i.receivedAtMs);
		expect([...received].sort((a, b) => b - a)).toEqual(received);
		expect(
			(await admin.office.review.list({})).items.some((i) => i.resultId === held.payload.resultId)
		).toBe(true);
		expect((await otherOperator.office.review.list({})).items).toEqual([]);
	});

	it('pages newest first without losing or repeating a result, even when a push’s results share a millisecond', async () => {
		const held = [await heldCancelled(), await heldCancelled(), await heldCancelled()];
		// Two arrived in one push (the same millisecond), one a moment later.
		const at = db.$client.prepare('update inspection_results set received_at_ms = ? where id = ?');
		at.run(FIXED_NOW + 10, held[0].payload.resultId);
		at.run(FIXED_NOW + 10, held[1].payload.resultId);
		at.run(FIXED_NOW + 20, held[2].payload.resultId);
		const first = await admin.office.review.list({ limit: 2 });
		expect(first.items.map((i) => i.resultId)).toEqual([
			held[2].payload.resultId,
			// Its millisecond's other result comes on the same page.
			...[held[0], held[1]]
				.map((h) => h.payload.resultId as string)
				.sort()
				.reverse()
		]);
		expect(first.more).toBe(true);

		const seen: string[] = [];
		let before: number | undefined;
		for (let page = 0; page < 50; page++) {
			const got = await admin.office.review.list({ limit: 2, beforeReceivedAtMs: before });
			seen.push(...got.items.map((i) => i.resultId));
			if (!got.more) break;
			before = got.items.at(-1)!.receivedAtMs;
		}
		const all = db.$client
			.prepare(
				"select id from inspection_results where outcome = 'needs_review' and reviewed_at_ms is null"
			)
			.pluck()
			.all() as string[];
		expect([...seen].sort()).toEqual([...all].sort());
	});

	it('apply: the result applies now, the order is done, it leaves the list, and the decision is audited', async () => {
		const held = await heldCancelled();
		const got = await operator.office.review.resolve({
			resultId: held.payload.resultId as string,
			decision: 'apply',
			note: 'The visit was made before the cancellation reached the phone.'
		});
		expect(got).toEqual({ resultId: held.payload.resultId, decision: 'apply' });
		expect(currentMeterOf(db, held.account.id).sealNumber).toBe(held.payload.newSeal);
		expect(readingsOf(held.meter.id, '2026-11-01')).toEqual([
			{ valueWh: 1_156_000, source: 'inspector' }
		]);
		expect(orderRow(held.order.id).status).toBe('done');
		expect(resultRow(held.payload.resultId)).toMatchObject({
			outcome: 'applied',
			reviewed_by_user_id: userIdOf(db, 'operator'),
			review_note: 'The visit was made before the cancellation reached the phone.'
		});
		expect(
			(await operator.office.review.list({})).items.some(
				(i) => i.resultId === held.payload.resultId
			)
		).toBe(false);
		const audit = await operator.office.audit.list({ limit: 5, event: 'inspection_reviewed' });
		expect(audit[0]).toMatchObject({
			subject: held.payload.resultId,
			detail: { decision: 'apply' }
		});
	});

	it('apply is refused while the result still conflicts; dismiss keeps it as a record and closes the order', async () => {
		const winner = aHome();
		const loser = aHome();
		const a = aWorkOrder(db, {
			accountId: winner.account.id,
			inspector: 'inspector',
			kind: 'sealing'
		});
		const b = aWorkOrder(db, {
			accountId: loser.account.id,
			inspector: 'inspector3',
			kind: 'sealing'
		});
		await record(inspector, visitPayload(a.id, 'sealing', { newSeal: 'TK-950001' }));
		const flagged = visitPayload(b.id, 'sealing', { newSeal: 'TK-950001' });
		await record(inspector3, flagged);
		const resultId = flagged.resultId as string;

		await expect(
			operator.office.review.resolve({ resultId, decision: 'apply', note: 'try' })
		).rejects.toMatchObject({ message: 'error.review_cannot_apply' });
		expect(sealRow('TK-950001')).toMatchObject({ meter_id: winner.meter.id });
		await expect(
			otherOperator.office.review.resolve({ resultId, decision: 'dismiss', note: 'not mine' })
		).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(
			operator.office.review.resolve({ resultId, decision: 'dismiss', note: '  ' })
		).rejects.toMatchObject({ code: 'BAD_REQUEST' });

		await operator.office.review.resolve({
			resultId,
			decision: 'dismiss',
			note: 'Seal misread; sent again.'
		});
		expect(resultRow(resultId)).toMatchObject({
			outcome: 'needs_review',
			review_note: 'Seal misread; sent again.'
		});
		expect(orderRow(b.id).status).toBe('cancelled');
		expect((await operator.office.review.list({})).items.some((i) => i.resultId === resultId)).toBe(
			false
		);
		const again = operator.office.review.resolve({ resultId, decision: 'apply', note: 'again' });
		await expect(again).rejects.toBeInstanceOf(TRPCError);
		await expect(again).rejects.toMatchObject({ message: 'error.review_already_decided' });
	});
});
