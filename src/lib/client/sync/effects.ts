import type { CommandKind } from '$lib/domain/sync/commands';
import type {
	PaymentOrderRow,
	PaymentOrderStatus,
	RequestRow,
	RequestStatus
} from '$lib/domain/sync/tables';
import { UNACKNOWLEDGED, type OutboxRow } from './outbox/outboxRow';

/** A command the server refused, shown beside the thing it was about until dismissed. */
export interface Attention {
	/** Message key from the server ('error.request_not_cancellable'). */
	reason: string;
	/** The refused command, for the Dismiss button. */
	commandId: string;
}

/** A service request as the person sees it: the server's row with their own unconfirmed actions on top. */
export interface RequestView extends Omit<RequestRow, 'status'> {
	/** 'cancelling' while a cancel waits to be sent. */
	status: RequestStatus | 'cancelling';
	/** Something the person did here has not reached the server yet ("waiting to send"). */
	pending: boolean;
	needsAttention: Attention | null;
}

/** A payment order as the person sees it: the server's, or their intent "waiting for network". */
export interface PaymentOrderView extends Omit<PaymentOrderRow, 'status'> {
	/** 'waiting' until the server has opened the order of the intent. */
	status: PaymentOrderStatus | 'waiting';
	pending: boolean;
	needsAttention: Attention | null;
}

/** What the optimistic view of each synced table looks like; a table without effects is absent. */
export interface ViewRows {
	requests: RequestView;
	paymentOrders: PaymentOrderView;
}

/** How one kind of command changes what the person sees until the server's rows arrive. */
export type ClientEffect<K extends CommandKind> = {
	[T in keyof ViewRows]?: (rows: ViewRows[T][], command: OutboxRow<K>) => ViewRows[T][];
};

const waiting = (command: OutboxRow) => UNACKNOWLEDGED.includes(command.state);

/**
 * The client half of the command registry: a mapped type over CommandKind, so a kind added to
 * domain/sync/commands does not compile until it says how it shows before the server answers.
 * Each effect is pure and must be idempotent with the server's row: when the server's row is
 * already there (its answer was lost, or the pull came first), the server's row wins.
 */
export const EFFECTS: { [K in CommandKind]: ClientEffect<K> } = {
	'request.create': {
		requests(rows, command) {
			const p = command.payload;
			if (rows.some((r) => r.id === p.requestId)) return rows;
			return [
				...rows,
				{
					id: p.requestId,
					accountId: p.accountId,
					kind: p.kind,
					status: 'submitted',
					reason: p.reason,
					note: p.note,
					contactPhone: p.contactPhone,
					preferredDate: p.preferredDate,
					statusReason: null,
					sealNumber: null,
					createdAtMs: command.createdAtMs,
					updatedAtMs: command.createdAtMs,
					history: [{ status: 'submitted', atMs: command.createdAtMs, reason: null }],
					pending: waiting(command),
					needsAttention:
						command.state === 'refused'
							? { reason: command.reason ?? 'error.server', commandId: command.id }
							: null
				}
			];
		}
	},
	'request.cancel': {
		requests(rows, command) {
			return rows.map((row): RequestView => {
				if (row.id !== command.payload.requestId) return row;
				if (command.state === 'refused')
					return {
						...row,
						needsAttention: { reason: command.reason ?? 'error.server', commandId: command.id }
					};
				// Applied, and the pull that brings the cancelled row has not arrived yet.
				if (command.state === 'done')
					return row.status === 'submitted' ? { ...row, status: 'cancelled' } : row;
				return {
					...row,
					status: row.status === 'submitted' ? 'cancelling' : row.status,
					pending: true
				};
			});
		}
	},
	'payment.intent': {
		paymentOrders(rows, command) {
			const p = command.payload;
			// The server's order is there: it wins (the intent was applied, or its answer was lost).
			if (rows.some((r) => r.id === p.intentId)) return rows;
			return [
				...rows,
				{
					id: p.intentId,
					accountId: p.accountId,
					operator: p.operator,
					amountTiyin: p.amountTiyin,
					status: 'waiting',
					createdAtMs: command.createdAtMs,
					closedAtMs: null,
					receipt: null,
					pending: waiting(command),
					needsAttention:
						command.state === 'refused'
							? { reason: command.reason ?? 'error.server', commandId: command.id }
							: null
				}
			];
		}
	},
	// Shown by the inspector's app from the outbox itself until the server's row arrives.
	'inspection.record': {}
};
