import type { Db } from '../db';
import { REGIONS, districtsOfRegion } from '../../domain/geo';
import { ensureReferenceData } from '../db/reference';
import { assignInitialVersions } from '../db/version';
import { VERSIONED_TABLES } from '../sync/pullSources';
import { REQUEST_STATUSES } from '../../domain/requests/status';
import { REQUEST_KINDS } from '../../domain/sync/commands';
import { addDays, addMonths, daysInMonth, monthOf } from '../../domain/dates';
import { billMonth } from '../services/billing/run';
import { appendLedgerEntries, type NewLedgerEntry } from '../services/ledger';
import { createPrng, type Prng } from './prng';
import { drawProfile, dailyWh } from './consumption';
import { FAMILY_NAMES, GIVEN_NAMES, OPERATORS, STREETS } from './names';

export interface SeedOptions {
	/** How many accounts besides the three demo ones. */
	accounts: number;
	/** The last day with readings (yesterday, for a live demo). */
	endDate: string;
	months?: number;
	seed?: number;
	onProgress?: (done: number, total: number) => void;
}

/**
 * The demo accounts that docs and tests rely on, with their owners' phones and PINFLs: the first
 * two have one holder (the demo OneID person who matches, seed/oneidPeople.ts), the third another.
 */
export const DEMO_ACCOUNTS = [
	{
		number: '1726001001',
		tariffClass: 'household',
		phone: '+998901234567',
		holderPinfl: '31503900270018',
		targetBalanceSom: 452_400
	},
	{
		number: '1726001002',
		tariffClass: 'stove',
		phone: '+998901234567',
		holderPinfl: '31503900270018',
		targetBalanceSom: -48_350
	},
	{
		number: '1726001003',
		tariffClass: 'household',
		phone: '+998907654321',
		holderPinfl: '30807880120036',
		targetBalanceSom: 61_200
	}
] as const;

/**
 * The PINFL of the holder of the `index`-th generated account: 14 digits, distinct per account,
 * derived from the index rather than drawn, so that adding it changed none of the drawn data.
 */
export function generatedHolderPinfl(index: number): string {
	return String(40_000_000_000_000 + index * 7_919);
}

interface AccountPlan {
	number: string;
	districtSoato: string;
	tariffClass: 'household' | 'stove';
	phone: string;
	holderPinfl: string;
	smart: boolean;
	targetBalanceSom?: number;
}

/** What phase one leaves for the payments of phase three. */
interface SeededAccount {
	accountId: number;
	/** Drawn once per account: below 0.2 a payer who tends to pay short. */
	payer: number;
	targetBalanceSom?: number;
}

function planAccount(prng: Prng, regionSoato: string, number: string, index: number): AccountPlan {
	const districts = districtsOfRegion(regionSoato);
	return {
		number,
		holderPinfl: generatedHolderPinfl(index),
		districtSoato: prng.pick(districts).soato,
		tariffClass: prng.chance(0.15) ? 'stove' : 'household',
		phone: `+99890${String(prng.int(0, 9_999_999)).padStart(7, '0')}`,
		smart: prng.chance(0.7)
	};
}

export function isEmpty(db: Db): boolean {
	const row = db.$client.prepare('select count(*) as n from accounts').get() as { n: number };
	return row.n === 0;
}

/**
 * Fills an empty database with deterministic demo data: regions and districts, accounts with
 * meters, `months` months of readings with a seasonal curve, then the billing run for each
 * complete month (the same path as `npm run billing`), then payments near the amounts billed,
 * and a few service requests. Users are seeded separately (seedDemoUsers), and only in demo
 * mode.
 */
export function seedDemoData(db: Db, options: SeedOptions): { accounts: number; readings: number } {
	const prng = createPrng(options.seed ?? 20241101);
	const months = options.months ?? 24;
	const sqlite = db.$client;
	const now = Date.parse(`${options.endDate}T12:00:00Z`);

	// Regions, districts and the published tariffs every database holds.
	ensureReferenceData(db, now);

	const plans: AccountPlan[] = [];
	const tashkentDistricts = districtsOfRegion('1726');
	DEMO_ACCOUNTS.forEach((d, i) => {
		plans.push({
			number: d.number,
			districtSoato: tashkentDistricts[i % tashkentDistricts.length].soato,
			tariffClass: d.tariffClass,
			phone: d.phone,
			holderPinfl: d.holderPinfl,
			smart: true,
			targetBalanceSom: d.targetBalanceSom
		});
	});
	const perRegion = new Map<string, number>();
	for (let i = 0; i < options.accounts; i++) {
		const region = REGIONS[i % REGIONS.length].soato;
		const k = (perRegion.get(region) ?? 0) + 1;
		perRegion.set(region, k);
		plans.push(planAccount(prng, region, `${region}${500000 + k}`, i));
	}

	const insertAccount = sqlite.prepare(
		`insert into accounts (number, district_soato, holder_name, address, phone, holder_pinfl, tariff_class, balance_tiyin, created_at_ms)
		 values (?, ?, ?, ?, ?, ?, ?, 0, ?) returning id`
	);
	const insertMeter = sqlite.prepare(
		`insert into meters (account_id, serial, type, seal_number, installed_on) values (?, ?, ?, ?, ?) returning id`
	);
	const insertReading = sqlite.prepare(
		`insert into readings (meter_id, date, value_wh, source, estimated, received_at_ms) values (?, ?, ?, ?, 0, ?)`
	);
	const insertRequest = sqlite.prepare(
		`insert into service_requests (id, account_id, kind, status, note, created_at_ms, updated_at_ms) values (?, ?, ?, ?, ?, ?, ?)`
	);

	// Readings start on the last day of the month before the first billed month, so that every
	// one of the `months` months has a usage (last reading minus the previous month's last).
	const endMonth = monthOf(options.endDate);
	const firstMonth = addMonths(endMonth, -months);
	const startDate = `${addMonths(firstMonth, -1)}-${daysInMonth(addMonths(firstMonth, -1))}`;
	let readingCount = 0;
	const seeded: SeededAccount[] = [];

	const seedOne = (plan: AccountPlan, index: number) => {
		const holder = `${prng.pick(FAMILY_NAMES)} ${prng.pick(GIVEN_NAMES)}`;
		const address = `${prng.pick(STREETS)} koʻchasi, ${prng.int(1, 180)}-uy`;
		const { id: accountId } = insertAccount.get(
			plan.number,
			plan.districtSoato,
			holder,
			address,
			plan.phone,
			plan.holderPinfl,
			plan.tariffClass,
			now
		) as { id: number };
		const serial = `${plan.smart ? 'SM' : 'MN'}${String(index + 1).padStart(8, '0')}`;
		const { id: meterId } = insertMeter.get(
			accountId,
			serial,
			plan.smart ? 'smart' : 'manual',
			`PL${String(prng.int(0, 9_999_999)).padStart(7, '0')}`,
			startDate
		) as { id: number };

		const profile = drawProfile(prng, index);
		let valueWh = prng.int(1_000_000, 30_000_000);
		insertReading.run(meterId, startDate, valueWh, plan.smart ? 'smart' : 'inspector', now);
		readingCount++;
		for (let date = addDays(startDate, 1); date <= options.endDate; date = addDays(date, 1)) {
			const month = monthOf(date);
			valueWh += dailyWh(profile, Number(month.slice(5)) - 1, prng);
			const lastOfMonth = date.slice(8) === String(daysInMonth(month));
			if (plan.smart || lastOfMonth) {
				insertReading.run(
					meterId,
					date,
					valueWh,
					plan.smart ? 'smart' : prng.pick(['inspector', 'resident']),
					now
				);
				readingCount++;
			}
		}
		seeded.push({ accountId, payer: prng.next(), targetBalanceSom: plan.targetBalanceSom });

		if (prng.chance(0.02) || index < DEMO_ACCOUNTS.length) {
			const kinds = REQUEST_KINDS;
			const statuses = REQUEST_STATUSES.filter((s) => s !== 'cancelled');
			const created = now - prng.int(1, 60) * 86_400_000;
			const id = `0190${String(index).padStart(4, '0')}-0000-7000-8000-${String(accountId).padStart(12, '0')}`;
			// The fixed demo accounts get a closed request (a history to show, nothing blocking new ones).
			const demo = index < DEMO_ACCOUNTS.length;
			insertRequest.run(
				id,
				accountId,
				demo ? 'inspection' : prng.pick(kinds),
				demo ? 'done' : prng.pick(statuses),
				'',
				created,
				created
			);
		}
	};

	// Phase one: accounts, meters, readings, requests. Phase two: the billing run, month by
	// month. Phase three: payments, which depend on what was billed.
	// A month is charged on the 1st of the next; one whose charge date is still ahead is not.
	const billedMonths: string[] = [];
	for (
		let month = firstMonth;
		`${addMonths(month, 1)}-01` <= options.endDate;
		month = addMonths(month, 1)
	)
		billedMonths.push(month);
	const total = plans.length * 2 + billedMonths.length;
	const batch = 200;
	for (let start = 0; start < plans.length; start += batch) {
		sqlite
			.transaction(() => {
				for (let i = start; i < Math.min(plans.length, start + batch); i++) seedOne(plans[i], i);
			})
			.immediate();
		options.onProgress?.(Math.min(plans.length, start + batch), total);
	}

	billedMonths.forEach((month, i) => {
		billMonth(db, { month, nowMs: now });
		options.onProgress?.(plans.length + i + 1, total);
	});

	const chargesOf = sqlite.prepare(
		'select month, amount_tiyin as amountTiyin from charges where account_id = ? and revision = 0'
	);
	const payOne = (account: SeededAccount): NewLedgerEntry[] => {
		const billed = new Map(
			(chargesOf.all(account.accountId) as Array<{ month: string; amountTiyin: number }>).map(
				(c) => [c.month, c.amountTiyin]
			)
		);
		const payments: NewLedgerEntry[] = [];
		let balance = 0;
		// Each billed month, a payment in the following month near the amount due.
		for (const [i, month] of billedMonths.entries()) {
			const charge = billed.get(month);
			if (charge === undefined) continue;
			const chargeDate = `${addMonths(month, 1)}-01`;
			balance -= charge;
			const isLast = i === billedMonths.length - 1;
			let payment: number;
			if (account.targetBalanceSom !== undefined) {
				// Fixed demo accounts pay what is due each month and end on their target balance.
				payment = isLast ? account.targetBalanceSom * 100 - balance : -balance;
				if (payment < 1_000_000) continue;
			} else {
				const factor = account.payer < 0.2 ? 0.7 + prng.next() * 0.3 : 0.95 + prng.next() * 0.4;
				payment =
					Math.round(((-balance > 0 ? Math.max(charge, -balance) : charge) * factor) / 100_000) *
					100_000;
			}
			if (payment <= 0) continue;
			let payDate = addDays(chargeDate, prng.int(1, 20));
			if (account.targetBalanceSom !== undefined && payDate > options.endDate)
				payDate = options.endDate;
			if (payDate > options.endDate) continue;
			const operator = prng.pick(OPERATORS);
			payments.push({
				accountId: account.accountId,
				kind: 'payment',
				amountTiyin: payment,
				date: payDate,
				sourceRef: `demo:${operator}:${account.accountId}:${month}`,
				operator,
				createdAtMs: now
			});
			balance += payment;
		}
		return payments;
	};
	for (let start = 0; start < seeded.length; start += batch) {
		sqlite
			.transaction(() => {
				for (let i = start; i < Math.min(seeded.length, start + batch); i++)
					appendLedgerEntries(db, payOne(seeded[i]));
			})
			.immediate();
		options.onProgress?.(
			plans.length + billedMonths.length + Math.min(seeded.length, start + batch),
			total
		);
	}
	// Rows written in bulk above carry no sync version yet; give each its own so pulls can page.
	assignInitialVersions(db, VERSIONED_TABLES);
	return { accounts: plans.length, readings: readingCount };
}
