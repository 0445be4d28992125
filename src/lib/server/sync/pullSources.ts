import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db';
import {
	accounts,
	charges,
	ledgerEntries,
	meters,
	paymentOrders,
	readings,
	serviceRequests,
	tariffVersions,
	workOrders
} from '../db/schema';
import { workOrderRowsSince } from '../services/inspection/workOrderRows';
import { decodeChargeLines } from '../../domain/billing';
import { requestRowsSince } from '../services/requests';
import { orderRowsSince } from '../services/payments/orders';
import { tariffRowsSince } from '../services/tariffs';
import type { ReadingMonthRow, SyncedRows, SyncedTable } from '../../domain/sync/tables';

/** A row as a pull sends it, with the version it changed at. */
export interface VersionedRow<Row> {
	version: number;
	row: Row;
}

interface SourceBase {
	/** The server tables whose `version` column this source reads (for assignInitialVersions). */
	readonly versioned: readonly SQLiteTable[];
}

/** A table whose rows belong to one account each: paged per account under its cursor. */
export interface AccountPullSource<Row> extends SourceBase {
	readonly scope: 'account';
	rowsSince(db: Db, accountId: number, since: number): VersionedRow<Row>[];
	/** The row's id from a tombstone's text key. */
	idFromKey(rowKey: string): Row extends { id: infer Id } ? Id : never;
}

/** A table every device holds (tariffs): few rows, under the shared cursor key, never paged. */
export interface SharedPullSource<Row> extends SourceBase {
	readonly scope: 'shared';
	rowsSince(db: Db, since: number): VersionedRow<Row>[];
}

/**
 * The account itself: a change only marks the account as changed; its summary as it is now
 * (balance, last payment, last reading) goes with the page (accountSummaries).
 */
export interface SummaryPullSource extends SourceBase {
	readonly scope: 'summary';
	versionsSince(db: Db, accountId: number, since: number): number[];
}

/**
 * A table of staff work (work orders): the rows assigned to the signed-in inspector, under the
 * assigned cursor key, never paged (an inspector holds tens). Residents never get them.
 */
export interface AssignedPullSource<Row> extends SourceBase {
	readonly scope: 'assigned';
	rowsSince(db: Db, userId: number, since: number): VersionedRow<Row>[];
}

export type PullSource<T extends SyncedTable> = T extends 'accounts'
	? SummaryPullSource
	: T extends 'workOrders'
		? AssignedPullSource<SyncedRows[T]>
		: SyncedRows[T] extends { accountId: number }
			? AccountPullSource<SyncedRows[T]>
			: SharedPullSource<SyncedRows[T]>;

export type PullSources = { [T in SyncedTable]: PullSource<T> };

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

const textId = (rowKey: string) => rowKey;

/**
 * Where each synced table's rows come from on the server: how to select the rows of a scope
 * changed since a version, and how to shape them as the device stores them. A Record over
 * SyncedTable: a table declared in domain/sync/tables.ts without its source does not compile.
 */
export const PULL_SOURCES: PullSources = {
	accounts: {
		scope: 'summary',
		versioned: [accounts],
		versionsSince: (db, accountId, since) =>
			db
				.select({ version: accounts.version })
				.from(accounts)
				.where(and(eq(accounts.id, accountId), gt(accounts.version, since)))
				.all()
				.map((r) => r.version)
	},
	requests: {
		scope: 'account',
		versioned: [serviceRequests],
		rowsSince: (db, accountId, since) =>
			requestRowsSince(db, accountId, since).map(({ version, ...row }) => ({ version, row })),
		idFromKey: textId
	},
	ledger: {
		scope: 'account',
		versioned: [ledgerEntries],
		rowsSince: (db, accountId, since) =>
			db
				.select()
				.from(ledgerEntries)
				.where(and(eq(ledgerEntries.accountId, accountId), gt(ledgerEntries.version, since)))
				.all()
				.map((e) => ({
					version: e.version,
					row: {
						id: e.id,
						accountId,
						kind: e.kind,
						amountTiyin: e.amountTiyin,
						date: e.date,
						operator: e.operator,
						sourceRef: e.sourceRef
					}
				})),
		// Ledger entries are numbered; a tombstone keeps every key as text.
		idFromKey: (rowKey) => Number(rowKey)
	},
	readingMonths: {
		scope: 'account',
		versioned: [readings],
		// One row per meter and month: a month changes when any of its readings does.
		rowsSince: (db, accountId, since) =>
			db
				.select({
					meterId: readings.meterId,
					month: sql<string>`substr(${readings.date}, 1, 7)`,
					version: sql<number>`max(${readings.version})`
				})
				.from(readings)
				.innerJoin(meters, eq(meters.id, readings.meterId))
				.where(and(eq(meters.accountId, accountId), gt(readings.version, since)))
				.groupBy(readings.meterId, sql`substr(${readings.date}, 1, 7)`)
				.all()
				.map((m) => ({
					version: m.version,
					row: readingMonthRow(db, accountId, m.meterId, m.month)
				})),
		idFromKey: textId
	},
	tariffs: {
		scope: 'shared',
		versioned: [tariffVersions],
		rowsSince: tariffRowsSince
	},
	charges: {
		scope: 'account',
		versioned: [charges],
		rowsSince: (db, accountId, since) =>
			db
				.select()
				.from(charges)
				.where(and(eq(charges.accountId, accountId), gt(charges.version, since)))
				.all()
				.map((c) => ({
					version: c.version,
					row: {
						id: `${accountId}:${c.month}`,
						accountId,
						month: c.month,
						revision: c.revision,
						usageWh: c.usageWh,
						amountTiyin: c.amountTiyin,
						estimated: c.estimated,
						lines: decodeChargeLines(c.linesJson)
					}
				})),
		idFromKey: textId
	},
	paymentOrders: {
		scope: 'account',
		versioned: [paymentOrders],
		rowsSince: orderRowsSince,
		idFromKey: textId
	},
	workOrders: {
		scope: 'assigned',
		versioned: [workOrders],
		rowsSince: workOrderRowsSince
	}
};

/** Every server table that carries a sync version, from the pull sources. */
export const VERSIONED_TABLES: readonly SQLiteTable[] = [
	...new Set(Object.values(PULL_SOURCES).flatMap((source) => source.versioned))
];
