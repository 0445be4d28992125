import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { accounts, charges, ledgerEntries, meters, readings, syncTombstones } from '../db/schema';
import { decodeChargeLines } from '../../domain/billing';
import type { SessionUser } from '../auth/session';
import { accountSummaries, linkedAccountIds } from '../services/accounts';
import { requestRowsSince } from '../services/requests';
import { tariffRowsSince, withdrawnTariffIdsSince } from '../services/tariffs';
import { currentVersion } from './version';
import type { PullChange, PullInput, PullOutput } from '../../domain/sync/protocol';
import type { ChargeRow, LedgerRow, ReadingMonthRow } from '../../domain/sync/tables';

type Cursor = Record<number, number>;

const GLOBAL = 0;

// The cursor is opaque to the device: per visible account, the version it holds up to. An
// account that becomes visible starts at -1 (everything); one that stops being visible is dropped.
export function encodeCursor(cursor: Cursor): string {
	return Buffer.from(JSON.stringify({ a: cursor })).toString('base64url');
}

export function decodeCursor(value: string | null): Cursor {
	if (!value) return {};
	try {
		const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as { a?: unknown };
		const out: Cursor = {};
		if (parsed.a && typeof parsed.a === 'object')
			for (const [k, v] of Object.entries(parsed.a))
				if (/^\d+$/.test(k) && Number.isInteger(v)) out[Number(k)] = v as number;
		return out;
	} catch {
		// A damaged cursor costs a full resync, never an error the person has to deal with.
		return {};
	}
}

/** Who may see which accounts. Staff scopes (work orders, districts) join here later. */
export function visibleAccountIds(db: Db, user: SessionUser): number[] {
	return user.role === 'resident' ? linkedAccountIds(db, user.id).sort((a, b) => a - b) : [];
}

interface Item {
	version: number;
	change: PullChange;
}

const SOURCE_LETTER = { smart: 's', inspector: 'i', resident: 'r', import: 'm' } as const;

function readingMonthRow(
	db: Db,
	accountId: number,
	meterId: number,
	month: string
): ReadingMonthRow {
	const rows = db
		.select({
			date: readings.date,
			valueWh: readings.valueWh,
			estimated: readings.estimated,
			source: readings.source
		})
		.from(readings)
		.where(
			and(
				eq(readings.meterId, meterId),
				sql`${readings.date} >= ${month + '-01'}`,
				sql`${readings.date} <= ${month + '-31'}`
			)
		)
		.orderBy(asc(readings.date))
		.all();
	const days = rows.map((r) => Number(r.date.slice(8)));
	return {
		id: `${meterId}:${month}`,
		accountId,
		meterId,
		month,
		days,
		firstWh: rows[0]?.valueWh ?? 0,
		deltasWh: rows.slice(1).map((r, i) => r.valueWh - rows[i].valueWh),
		estimatedDays: rows.filter((r) => r.estimated).map((r) => Number(r.date.slice(8))),
		sources: rows.map((r) => SOURCE_LETTER[r.source]).join('')
	};
}

/** Everything of one account changed since `since`, each with its version, ascending. */
function accountItems(db: Db, accountId: number, since: number): Item[] {
	const items: Item[] = [];
	const own = db
		.select({ version: accounts.version })
		.from(accounts)
		.where(eq(accounts.id, accountId))
		.get();
	if (own && own.version > since)
		items.push({
			version: own.version,
			change: { table: 'accounts', op: 'put', row: { id: accountId } }
		});

	for (const row of requestRowsSince(db, accountId, since)) {
		const { version, ...rest } = row;
		items.push({ version, change: { table: 'requests', op: 'put', row: rest } });
	}

	const ledger = db
		.select()
		.from(ledgerEntries)
		.where(and(eq(ledgerEntries.accountId, accountId), gt(ledgerEntries.version, since)))
		.all();
	for (const e of ledger) {
		const row: LedgerRow = {
			id: e.id,
			accountId,
			kind: e.kind,
			amountTiyin: e.amountTiyin,
			date: e.date,
			operator: e.operator,
			sourceRef: e.sourceRef
		};
		items.push({ version: e.version, change: { table: 'ledger', op: 'put', row: { ...row } } });
	}

	const chargeRows = db
		.select()
		.from(charges)
		.where(and(eq(charges.accountId, accountId), gt(charges.version, since)))
		.all();
	for (const c of chargeRows) {
		const row: ChargeRow = {
			id: `${accountId}:${c.month}`,
			accountId,
			month: c.month,
			revision: c.revision,
			usageWh: c.usageWh,
			amountTiyin: c.amountTiyin,
			estimated: c.estimated,
			lines: decodeChargeLines(c.linesJson)
		};
		items.push({ version: c.version, change: { table: 'charges', op: 'put', row: { ...row } } });
	}

	const months = db
		.select({
			meterId: readings.meterId,
			month: sql<string>`substr(${readings.date}, 1, 7)`,
			version: sql<number>`max(${readings.version})`
		})
		.from(readings)
		.innerJoin(meters, eq(meters.id, readings.meterId))
		.where(and(eq(meters.accountId, accountId), gt(readings.version, since)))
		.groupBy(readings.meterId, sql`substr(${readings.date}, 1, 7)`)
		.all();
	for (const m of months)
		items.push({
			version: m.version,
			change: {
				table: 'readingMonths',
				op: 'put',
				row: { ...readingMonthRow(db, accountId, m.meterId, m.month) }
			}
		});

	const tombstones = db
		.select()
		.from(syncTombstones)
		.where(and(eq(syncTombstones.accountId, accountId), gt(syncTombstones.version, since)))
		.all();
	for (const t of tombstones) {
		const id = t.tableName === 'ledger' ? Number(t.rowKey) : t.rowKey;
		items.push({ version: t.version, change: { table: t.tableName, op: 'delete', id } });
	}
	return items.sort((a, b) => a.version - b.version);
}

/**
 * Rows changed since the cursor that this user may see, in pages of about `limit` changes. Each
 * account with a change in the page also gets its summary (balance, last payment, last reading)
 * as it is now. The whole pull reads one consistent snapshot.
 */
export function pullChanges(
	db: Db,
	user: SessionUser,
	input: PullInput,
	nowMs: number
): PullOutput {
	return db.$client.transaction(() => {
		const cursor = decodeCursor(input.cursor);
		const visible = visibleAccountIds(db, user);
		const droppedAccountIds = Object.keys(cursor)
			.map(Number)
			.filter((id) => id !== GLOBAL && !visible.includes(id));
		const upTo = currentVersion(db);
		const next: Cursor = {};
		const changes: PullChange[] = [];
		const touched: number[] = [];
		let budget = input.limit;
		let remaining = 0;
		let more = false;

		// Tables everyone sees (tariff versions) ride under key 0; they are few, never paged.
		const globalSince = cursor[GLOBAL] ?? -1;
		for (const { row } of tariffRowsSince(db, globalSince))
			changes.push({ table: 'tariffs', op: 'put', row: { ...row } });
		// A first pull (-1) has nothing to delete.
		if (globalSince >= 0)
			for (const id of withdrawnTariffIdsSince(db, globalSince))
				changes.push({ table: 'tariffs', op: 'delete', id });
		next[GLOBAL] = Math.max(globalSince, upTo);

		for (const accountId of visible) {
			const since = cursor[accountId] ?? -1;
			const items = accountItems(db, accountId, since);
			remaining += items.length;
			if (items.length === 0) {
				next[accountId] = Math.max(since, upTo);
				continue;
			}
			if (budget <= 0) {
				next[accountId] = since;
				more = true;
				continue;
			}
			let take = Math.min(items.length, budget);
			// Never split one version across pages.
			while (take < items.length && items[take].version === items[take - 1].version) take++;
			for (const item of items.slice(0, take))
				if (item.change.table !== 'accounts') changes.push(item.change);
			touched.push(accountId);
			budget -= take;
			if (take < items.length) {
				next[accountId] = items[take - 1].version;
				more = true;
			} else next[accountId] = Math.max(items[items.length - 1].version, upTo);
		}

		const summaries = accountSummaries(db, touched).map((row): PullChange => ({
			table: 'accounts',
			op: 'put',
			row: { ...row }
		}));
		return {
			changes: [...summaries, ...changes],
			cursor: encodeCursor(next),
			more,
			remaining,
			droppedAccountIds,
			serverTimeMs: nowMs
		};
	})();
}
