import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { anonymousCaller, callerAs, pullAll, seededDb } from './helpers/testDb';
import { rateMonth, TARIFF_VERSIONS } from '../../src/lib/tariff';
import { explainIn } from '../../src/lib/i18n/allCatalogues';
import type { Db } from '../../src/lib/server/db';

let db: Db;
let cleanup: () => void;
beforeEach(async () => {
	({ db, cleanup } = await seededDb(1));
});
afterEach(() => cleanup());

// Published after FIXED_NOW's day (2026-11-01): a new version starts after today.
const HOUSEHOLD_2026_11 = {
	id: 'HOUSEHOLD_2026_11',
	tariffClass: 'household',
	effectiveFrom: '2026-11-16',
	blocks: [
		{ upToKwh: '200', pricePerKwh: '660' },
		{ upToKwh: '500', pricePerKwh: '880' },
		{ upToKwh: '1000', pricePerKwh: '1100' },
		{ upToKwh: '5000', pricePerKwh: '1650' },
		{ upToKwh: '10000', pricePerKwh: '1925' },
		{ upToKwh: null, pricePerKwh: '2200' }
	]
};

describe('tariffs are data', () => {
	it('every database holds the three published versions', async () => {
		const list = await anonymousCaller(db).tariffs.list();
		expect(list.map((v) => v.id).sort()).toEqual(TARIFF_VERSIONS.map((v) => v.id).sort());
	});

	it('the server rates a month with the same strings as the tariff module', async () => {
		const caller = anonymousCaller(db);
		for (const [month, usage, locale] of [
			['2025-04', '300', 'uz'],
			['2025-05', '300', 'ru'],
			['2025-12', '5234.5', 'en'],
			['2026-02', '0', 'uz-Cyrl']
		] as const) {
			const served = await caller.tariffs.rateMonth({
				tariffClass: 'household',
				month,
				usageKwh: usage,
				locale
			});
			const local = rateMonth(TARIFF_VERSIONS, 'household', month, usage);
			expect(served).toEqual({ amount: local.total.toFixed(2), ...explainIn(local, locale) });
		}
	});

	it('an operator publishes a new version without a release; residents pull it and the server rates with it', async () => {
		const operator = await callerAs(db, 'operator', 'operate12345');
		const demo = await callerAs(db, 'demo', 'demo12345');
		const first = await pullAll(demo);
		expect(first.rows('tariffs').length).toBe(3);

		await operator.office.tariffs.publish(HOUSEHOLD_2026_11);
		const after = await pullAll(demo, first.cursor);
		expect(after.rows('tariffs')).toEqual([HOUSEHOLD_2026_11]);

		// November 2026 is split by days between the 2025 version and the new one.
		const served = await anonymousCaller(db).tariffs.rateMonth({
			tariffClass: 'household',
			month: '2026-11',
			usageKwh: '310',
			locale: 'en'
		});
		const local = rateMonth([...TARIFF_VERSIONS, HOUSEHOLD_2026_11], 'household', '2026-11', '310');
		expect(served.amount).toBe(local.total.toFixed(2));
		expect(local.parts.map((p) => p.versionId)).toEqual(['HOUSEHOLD_2025_05', 'HOUSEHOLD_2026_11']);
	});

	it('an invalid version is refused with a message naming the problem, and nothing changes', async () => {
		const operator = await callerAs(db, 'operator', 'operate12345');
		const broken = {
			...HOUSEHOLD_2026_11,
			blocks: [
				{ upToKwh: '500', pricePerKwh: '1' },
				{ upToKwh: '200', pricePerKwh: '2' },
				{ upToKwh: null, pricePerKwh: '3' }
			]
		};
		const error = await operator.office.tariffs.publish(broken).catch((e: unknown) => e);
		expect((error as TRPCError).code).toBe('CONFLICT');
		expect((error as TRPCError).message).toMatch(/ascending|increase|order/i);
		await operator.office.tariffs.publish(HOUSEHOLD_2026_11);
		const clash = { ...HOUSEHOLD_2026_11, id: 'HOUSEHOLD_AGAIN' };
		const error2 = await operator.office.tariffs.publish(clash).catch((e: unknown) => e);
		expect((error2 as TRPCError).code).toBe('CONFLICT');
		expect((await anonymousCaller(db).tariffs.list()).length).toBe(4);
	});

	it('a version that would start today or earlier is refused, whatever sent it, and nothing changes', async () => {
		const operator = await callerAs(db, 'operator', 'operate12345');
		// FIXED_NOW is 2026-11-01 14:00 in Tashkent.
		for (const effectiveFrom of ['2026-11-01', '2026-10-16', '2020-01-01']) {
			const error = await operator.office.tariffs
				.publish({ ...HOUSEHOLD_2026_11, id: `HOUSEHOLD_PAST_${effectiveFrom}`, effectiveFrom })
				.catch((e: unknown) => e);
			expect((error as TRPCError).code, effectiveFrom).toBe('CONFLICT');
			expect((error as TRPCError).message).toBe('officeTools.tariffs.err.future');
		}
		expect((await anonymousCaller(db).tariffs.list()).length).toBe(3);
		await operator.office.tariffs.publish({
			...HOUSEHOLD_2026_11,
			id: 'HOUSEHOLD_2026_11_02',
			effectiveFrom: '2026-11-02'
		});
		expect((await anonymousCaller(db).tariffs.list()).length).toBe(4);
	});

	it('only operators publish tariffs', async () => {
		const demo = await callerAs(db, 'demo', 'demo12345');
		const error = await demo.office.tariffs.publish(HOUSEHOLD_2026_11).catch((e: unknown) => e);
		expect((error as TRPCError).code).toBe('FORBIDDEN');
	});

	it('a malformed question gets a clear error', async () => {
		const caller = anonymousCaller(db);
		for (const input of [
			{ tariffClass: 'household', month: '2025-13', usageKwh: '1' },
			{ tariffClass: 'household', month: '2025-01', usageKwh: '-1' },
			{ tariffClass: 'household', month: '2025-01', usageKwh: '1.0001' }
		]) {
			const error = await caller.tariffs.rateMonth(input).catch((e: unknown) => e);
			expect((error as TRPCError).code).toBe('BAD_REQUEST');
		}
		const early = await caller.tariffs
			.rateMonth({ tariffClass: 'household', month: '2020-01', usageKwh: '1' })
			.catch((e: unknown) => e);
		expect((early as TRPCError).code).toBe('BAD_REQUEST');
	});

	it('a month that is no month of this century is refused as a malformed month', async () => {
		const caller = anonymousCaller(db);
		for (const month of ['0000-01', '1999-12', '2100-01']) {
			const error = await caller.tariffs
				.rateMonth({ tariffClass: 'household', month, usageKwh: '1' })
				.catch((e: unknown) => e);
			expect((error as TRPCError).code).toBe('BAD_REQUEST');
			expect((error as TRPCError).message).toContain('error.month_format');
		}
	});
});
