import type { AccountSummary } from '../account';
import type { RequestKind } from './commands';
import type { ChargeLine } from '../billing';

// The rows a device holds, table by table, as the server sends them in a pull. Each is scoped
// to one account (accountId) so a device can drop an account's rows when it is unlinked.

export type RequestStatus =
	'submitted' | 'accepted' | 'scheduled' | 'done' | 'rejected' | 'cancelled';

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

export interface SyncedRows {
	accounts: AccountSummary;
	requests: RequestRow;
	ledger: LedgerRow;
	readingMonths: ReadingMonthRow;
	tariffs: TariffRow;
	charges: ChargeRow;
}
export type SyncedTable = keyof SyncedRows;
export const SYNCED_TABLES: SyncedTable[] = [
	'accounts',
	'requests',
	'ledger',
	'readingMonths',
	'tariffs',
	'charges'
];
