import type { Db } from '../db';
import type { SessionUser } from '../auth/session';
import type { ReadingSource, SuspectStatus } from '../db/schema';
import { BusinessRuleError } from './errors';
import { assertAccountInScope, districtScope } from './staffScope';
import { ingestReadings } from './readingIngest';
import { whToKwhText } from '../../domain/readings/kwh';

// Readings held because they imply more usage a day than the ceiling (see readingIngest.ts):
// operators see them and decide, and only a decision puts a value into `readings`.

export interface SuspectListing {
	id: number;
	accountNumber: string;
	meterSerial: string;
	date: string;
	kwh: string;
	source: ReadingSource;
	reason: string;
	detail: string;
	receivedAtMs: number;
	/** The stored reading before the held one now, to judge it against. */
	previous: { date: string; kwh: string } | null;
}

/** The oldest held readings first, at most `limit`, of accounts in the operator's districts. */
export function heldSuspects(db: Db, operator: SessionUser, limit: number): SuspectListing[] {
	const scope = districtScope(db, operator);
	const rows = db.$client
		.prepare(
			`select s.id, a.number as accountNumber, m.serial as meterSerial, s.date, s.value_wh as valueWh,
			        s.source, s.reason, s.detail, s.received_at_ms as receivedAtMs,
			        p.date as previousDate, p.value_wh as previousWh
			 from suspect_readings s
			 join meters m on m.id = s.meter_id
			 join accounts a on a.id = m.account_id
			 left join readings p on p.id = (
			   select id from readings where meter_id = s.meter_id and date < s.date order by date desc limit 1)
			 where s.status = 'held'
			   and (? = 1 or a.district_soato in (select district_soato from staff_districts where user_id = ?))
			 order by s.id
			 limit ?`
		)
		.all(scope.all ? 1 : 0, operator.id, limit) as Array<
		Omit<SuspectListing, 'kwh' | 'previous'> & {
			valueWh: number;
			previousDate: string | null;
			previousWh: number | null;
		}
	>;
	return rows.map(({ valueWh, previousDate, previousWh, ...row }) => ({
		...row,
		kwh: whToKwhText(valueWh),
		previous:
			previousDate === null || previousWh === null
				? null
				: { date: previousDate, kwh: whToKwhText(previousWh) }
	}));
}

export type SuspectDecision = { accept: true } | { correctedWh: number };

/**
 * An operator accepts a held reading as sent, or replaces it with the right value. The reading
 * then goes in like any other (its order against the neighbours still checked, the ceiling not:
 * the operator has looked). Call inside a transaction. Returns the account, for live pokes.
 */
export function decideSuspect(
	db: Db,
	operator: SessionUser,
	suspectId: number,
	decision: SuspectDecision,
	nowMs: number
): { accountId: number } {
	const held = db.$client
		.prepare(
			`select s.status, s.date, s.value_wh as valueWh, s.source, m.serial, m.account_id as accountId
			 from suspect_readings s join meters m on m.id = s.meter_id where s.id = ?`
		)
		.get(suspectId) as
		| {
				status: SuspectStatus;
				date: string;
				valueWh: number;
				source: ReadingSource;
				serial: string;
				accountId: number;
		  }
		| undefined;
	if (!held) throw new BusinessRuleError('error.suspect_not_found');
	assertAccountInScope(db, operator, held.accountId);
	if (held.status !== 'held') throw new BusinessRuleError('error.suspect_resolved');
	const valueWh = 'accept' in decision ? held.valueWh : decision.correctedWh;
	const report = ingestReadings(
		db,
		[{ row: 1, reading: { meter: held.serial, date: held.date, kwh: whToKwhText(valueWh) } }],
		// A corrected value is the operator's; an accepted one stays the head-end's.
		{ source: 'accept' in decision ? held.source : 'import', nowMs, skipCeiling: true }
	);
	if (report.rejected > 0) throw new BusinessRuleError('error.reading_out_of_order');
	db.$client
		.prepare(
			`update suspect_readings set status = ?, applied_value_wh = ?, resolved_by_user_id = ?, resolved_at_ms = ?
			 where id = ?`
		)
		.run('accept' in decision ? 'accepted' : 'corrected', valueWh, operator.id, nowMs, suspectId);
	return { accountId: held.accountId };
}
