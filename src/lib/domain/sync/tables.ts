import type { AccountSummary } from '../account';
import type { RequestKind } from './commands';
import type { ChargeLine } from '../billing';
import type { RequestStatus } from '../requests/status';
import type { AppPaymentOperatorId } from '../payments/operators';
import type { ReviewReason, WorkKind, WorkOrderStatus } from '../inspection/workOrders';

// The rows a device holds, table by table, as the server sends them in a pull. Each is scoped
// to one account (accountId) so a device can drop an account's rows when it is unlinked.

export type { RequestStatus };

export interface RequestRow {
	id: string;
	accountId: number;
	kind: RequestKind;
	status: RequestStatus;
	reason: string;
	note: string;
	contactPhone: string | null;
	preferredDate: string | null;
	/** Why the office rejected it, or other status explanation, as text or an 'error.*' key. */
	statusReason: string | null;
	/** The seal the visit put on the meter, once the inspector's result for it is applied. */
	sealNumber: string | null;
	createdAtMs: number;
	updatedAtMs: number;
	history: Array<{ status: RequestStatus; atMs: number; reason: string | null }>;
}

export interface LedgerRow {
	id: number;
	accountId: number;
	kind: 'charge' | 'payment' | 'refund' | 'adjustment';
	amountTiyin: number;
	date: string;
	operator: string | null;
	sourceRef: string;
}

/** One meter's readings in one calendar month, compactly: the first day's value and day deltas. */
export interface ReadingMonthRow {
	id: string; // `${meterId}:${month}`
	accountId: number;
	meterId: number;
	month: string;
	/** Day of month (1-based) of each reading, ascending. */
	days: number[];
	/** Register value of the first reading, Wh. */
	firstWh: number;
	/** Difference to the previous reading in this month, Wh, for the 2nd reading onward. */
	deltasWh: number[];
	/** Days (1-based) whose reading is estimated. */
	estimatedDays: number[];
	/** Source per reading, one letter: s smart, i inspector, r resident, m import. */
	sources: string;
}

/** A tariff version as data (see src/lib/tariff): every device holds all of them. */
export interface TariffRow {
	id: string;
	tariffClass: string;
	effectiveFrom: string;
	blocks: ReadonlyArray<{ upToKwh: string | null; pricePerKwh: string }>;
}

/** A month's bill as the billing run rated it (its latest revision wins on the device). */
export interface ChargeRow {
	id: string; // `${accountId}:${month}`
	accountId: number;
	month: string;
	revision: number;
	usageWh: number;
	amountTiyin: number;
	estimated: boolean;
	lines: ChargeLine[];
}

export type PaymentOrderStatus = 'open' | 'paid' | 'refunded' | 'expired';

/** What the operator confirmed when the order was paid: the receipt, readable offline. */
export interface PaymentReceipt {
	operator: AppPaymentOperatorId;
	/** The operator's own id of the transaction (what its support asks for). */
	operatorTxId: string;
	amountTiyin: number;
	paidAtMs: number;
	accountNumber: string;
	/** The account's balance right after the payment was credited. */
	balanceAfterTiyin: number;
}

/** An order the server opened for a payment intent from the app (its id is the intent's). */
export interface PaymentOrderRow {
	id: string;
	accountId: number;
	operator: AppPaymentOperatorId;
	amountTiyin: number;
	status: PaymentOrderStatus;
	createdAtMs: number;
	/** When it was paid, refunded or expired; null while open. */
	closedAtMs: number | null;
	receipt: PaymentReceipt | null;
}

/**
 * A work order as the assigned inspector's phone holds it, with what the visit needs offline
 * (the account's holder, address and meter, the last readings): an inspector's phone holds no
 * other data of the account. It stays on the phone of an inspector it was taken from, as
 * 'reassigned', so that they see why their result went to review.
 */
export interface WorkOrderRow {
	id: string;
	accountId: number;
	requestId: string | null;
	kind: WorkKind;
	status: WorkOrderStatus | 'reassigned';
	scheduledDate: string | null;
	/** The office's instruction. */
	note: string;
	account: {
		number: string;
		holderName: string;
		address: string;
		phone: string;
		districtSoato: string;
	};
	meter: { id: number; serial: string; sealNumber: string | null; type: 'smart' | 'manual' };
	/** Newest first, at most three. */
	lastReadings: Array<{ date: string; valueWh: number; source: string }>;
	/** The result the server holds from this inspector for this order, if any. */
	result: {
		id: string;
		outcome: 'applied' | 'needs_review';
		reviewReason: ReviewReason | null;
	} | null;
	createdAtMs: number;
	updatedAtMs: number;
}

/**
 * How a synced table is declared: its row type (carried as a type, no value), the field that
 * says which account a row belongs to (null: shared by every device, like tariffs), and its
 * Dexie indexes with the Dexie version that brought them.
 */
export interface SyncedTableSpec<Row extends { id: string | number }> {
	readonly accountKey: { [K in keyof Row]: Row[K] extends number ? K : never }[keyof Row] | null;
	/** Dexie's schema string: the primary key first, then the indexes. */
	readonly indexes: string;
	/**
	 * The Dexie version whose schema first has these indexes. A table added (or an index changed)
	 * takes the next version number; older numbers never change, since phones hold them.
	 */
	readonly sinceDexieVersion: number;
	/** Only the type; never read. */
	readonly row?: Row;
}

const syncedTable = <Row extends { id: string | number }>(
	spec: Omit<SyncedTableSpec<Row>, 'row'>
): SyncedTableSpec<Row> => spec;

/**
 * Every synced table, declared once. SYNCED_TABLES, the SyncedRows type, the device's Dexie
 * schema (client/db.ts) and which field drops an unlinked account's rows derive from it; the
 * server's PULL_SOURCES (server/sync/pullSources.ts) is a Record over the same keys, so a table
 * cannot be half-added. Rows of one account carry accountId, indexed, so that they can be
 * dropped when the account is unlinked.
 */
export const SYNCED = {
	accounts: syncedTable<AccountSummary>({
		accountKey: 'id',
		indexes: 'id, number',
		sinceDexieVersion: 1
	}),
	requests: syncedTable<RequestRow>({
		accountKey: 'accountId',
		indexes: 'id, accountId',
		sinceDexieVersion: 2
	}),
	ledger: syncedTable<LedgerRow>({
		accountKey: 'accountId',
		indexes: 'id, accountId',
		sinceDexieVersion: 2
	}),
	readingMonths: syncedTable<ReadingMonthRow>({
		accountKey: 'accountId',
		indexes: 'id, accountId, [accountId+month]',
		sinceDexieVersion: 2
	}),
	tariffs: syncedTable<TariffRow>({
		accountKey: null,
		indexes: 'id, tariffClass',
		sinceDexieVersion: 2
	}),
	charges: syncedTable<ChargeRow>({
		accountKey: 'accountId',
		indexes: 'id, accountId, [accountId+month]',
		sinceDexieVersion: 2
	}),
	paymentOrders: syncedTable<PaymentOrderRow>({
		accountKey: 'accountId',
		indexes: 'id, accountId',
		sinceDexieVersion: 3
	}),
	// Pulled by inspectors only, scoped to the orders assigned to them (not to accounts).
	workOrders: syncedTable<WorkOrderRow>({
		accountKey: 'accountId',
		indexes: 'id, accountId, status',
		sinceDexieVersion: 4
	})
};

export type SyncedTable = keyof typeof SYNCED;
type RowOf<S> = S extends SyncedTableSpec<infer Row> ? Row : never;
export type SyncedRows = { [T in SyncedTable]: RowOf<(typeof SYNCED)[T]> };
export const SYNCED_TABLES = Object.keys(SYNCED) as SyncedTable[];
