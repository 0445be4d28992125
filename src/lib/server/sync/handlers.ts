import type { Db } from '../db';
import type { SessionUser } from '../auth/session';
import { cancelRequest, createRequest } from '../services/requests';
import { acceptPaymentIntent } from '../services/payments/intents';
import { recordInspection } from '../services/inspection/record';
import type { CommandKind, CommandPayload } from '../../domain/sync/commands';

export interface HandlerContext {
	user: SessionUser;
	nowMs: number;
}

export interface HandlerOutcome {
	/** Stored with the command and returned to every delivery of it. */
	result: unknown;
	/** Accounts whose data changed: their users are poked. */
	accountIds: number[];
	/** Staff whose phones hold something that changed (an inspector's work orders). */
	userIds?: number[];
}

type Handler<K extends CommandKind> = (
	db: Db,
	ctx: HandlerContext,
	payload: CommandPayload<K>
) => HandlerOutcome;

// The server half of the command registry (the names and schemas are in domain/sync/commands).
// Handlers run inside the push's transaction and throw BusinessRuleError to refuse.
export const HANDLERS: { [K in CommandKind]: Handler<K> } = {
	'request.create': (db, ctx, payload) => {
		const change = createRequest(db, ctx.user, payload, ctx.nowMs);
		return {
			result: { requestId: change.requestId, status: change.status },
			accountIds: [change.accountId]
		};
	},
	'request.cancel': (db, ctx, payload) => {
		const change = cancelRequest(db, ctx.user, payload, ctx.nowMs);
		return {
			result: { requestId: change.requestId, status: change.status },
			accountIds: [change.accountId]
		};
	},
	'payment.intent': (db, ctx, payload) => {
		const order = acceptPaymentIntent(db, ctx.user, payload, ctx.nowMs);
		return {
			result: { orderId: order.id, status: order.status },
			accountIds: [order.accountId]
		};
	},
	'inspection.record': (db, ctx, payload) => {
		const recorded = recordInspection(db, ctx.user, payload, ctx.nowMs);
		return {
			result: {
				resultId: recorded.resultId,
				workOrderId: recorded.workOrderId,
				outcome: recorded.outcome,
				reviewReason: recorded.reviewReason
			},
			accountIds: [recorded.accountId],
			userIds: recorded.inspectorUserIds
		};
	}
};
