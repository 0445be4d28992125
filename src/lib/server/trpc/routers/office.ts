import { BROADCAST_SPREAD_MS } from '../../../domain/sync/protocol';
import { z } from 'zod';
import { removeRequest } from '../../services/requests';
import { OFFICE_STATUSES, REQUEST_STATUSES } from '../../../domain/requests/status';
import { REQUEST_KINDS } from '../../../domain/sync/commands';
import { REJECT_REASONS } from '../../../domain/requests/rejectReasons';
import { isCalendarDay } from '../../../domain/dates';
import { CURSOR_PATTERN, requestDetail, requestQueue } from '../../services/office/requestQueue';
import {
	acceptRequest,
	assignRequest,
	cancelOrder,
	moveRequestAsOffice,
	rejectRequest,
	scheduleRequest,
	type OfficeChange
} from '../../services/office/requestActions';
import { inspectorsInScope } from '../../services/office/inspectors';
import { officeDashboard } from '../../services/office/dashboard';
import type { Context } from '../context';
import { inTransaction } from '../../db';
import { publishTariffVersion, withdrawTariffVersion } from '../../services/tariffs';
import { decideSuspect, heldSuspects } from '../../services/suspectReadings';
import { tryKwhTextToWh } from '../../../domain/readings/kwh';
import { operatorProcedure, router } from '../trpc';
import { AUDIT_EVENTS, listAudit } from '../../services/audit';
import { listSms } from '../../sms/outbox';
import { reviewRouter } from './review';

const page = {
	limit: z.number().int().min(1).max(500).default(100),
	beforeId: z.number().int().positive().optional()
};

const statusInput = z.object({
	requestId: z.string().uuid({ error: 'error.invalid_input' }),
	status: z.enum(OFFICE_STATUSES, { error: 'error.invalid_input' }),
	reason: z.string().trim().max(500, { error: 'error.text_too_long' }).nullable().default(null)
});

const requestId = z.string({ error: 'error.invalid_input' }).uuid({ error: 'error.invalid_input' });
const day = z
	.string({ error: 'error.date_format' })
	.refine(isCalendarDay, { error: 'error.date_format' });
const districtSoato = z.string().regex(/^\d{7}$/, { error: 'error.invalid_input' });

const queueInput = z
	.object({
		kind: z.enum(REQUEST_KINDS, { error: 'error.invalid_input' }).optional(),
		status: z
			.enum([...REQUEST_STATUSES, 'open', 'all'], { error: 'error.invalid_input' })
			.default('open'),
		districtSoato: districtSoato.optional(),
		olderThanDays: z.number({ error: 'error.invalid_input' }).int().min(0).max(3650).optional(),
		cursor: z.string().regex(CURSOR_PATTERN, { error: 'error.invalid_input' }).optional(),
		limit: z.number({ error: 'error.invalid_input' }).int().min(1).max(200).default(50)
	})
	.default({ status: 'open', limit: 50 });

/** After an office action: the resident's phones pull the request, the inspectors' their list. */
function pokeConcerned(ctx: Context, change: OfficeChange) {
	ctx.live.pokeAccounts(ctx.db, [change.accountId]);
	if (change.inspectorUserIds.length > 0) ctx.live.pokeUsers(change.inspectorUserIds);
	return { requestId: change.requestId, workOrderId: change.workOrderId };
}

const suspectId = z.number({ error: 'error.invalid_input' }).int().positive();

// The back office's first tools: see incoming requests and move them along; publish tariffs;
// decide on readings held as implausible.
export const officeRouter = router({
	review: reviewRouter,
	/** The append-only audit log, newest first (phones and PINFLs masked when written). */
	audit: router({
		list: operatorProcedure
			.input(
				z
					.object({
						...page,
						event: z.enum(AUDIT_EVENTS).optional(),
						userId: z.number().int().positive().optional()
					})
					.default({ limit: 100 })
			)
			.query(({ ctx, input }) => listAudit(ctx.db, input))
	}),
	/** Every SMS Tok sent or is sending, newest first: phone masked, passwords blanked. */
	sms: router({
		list: operatorProcedure
			.input(z.object(page).default({ limit: 100 }))
			.query(({ ctx, input }) => listSms(ctx.db, input))
	}),
	readings: router({
		/** Readings held above the daily ceiling, oldest first: not billed until decided. */
		suspects: operatorProcedure
			.input(
				z.object({ limit: z.number().int().min(1).max(500).default(200) }).default({ limit: 200 })
			)
			.query(({ ctx, input }) => heldSuspects(ctx.db, ctx.user, input.limit)),
		/** The held value is right (a real, if unusual, usage): apply it as sent. */
		accept: operatorProcedure.input(z.object({ suspectId })).mutation(({ ctx, input }) => {
			const { accountId } = inTransaction(ctx.db, () =>
				decideSuspect(ctx.db, ctx.user, input.suspectId, { accept: true }, ctx.now())
			);
			ctx.live.pokeAccounts(ctx.db, [accountId]);
			return { suspectId: input.suspectId, status: 'accepted' as const };
		}),
		/** The held value is wrong: apply the operator's reading instead. */
		correct: operatorProcedure
			.input(
				z.object({
					suspectId,
					kwh: z
						.string({ error: 'error.kwh_format' })
						.trim()
						.refine((kwh) => tryKwhTextToWh(kwh) !== null, { error: 'error.kwh_format' })
				})
			)
			.mutation(({ ctx, input }) => {
				const correctedWh = tryKwhTextToWh(input.kwh) as number;
				const { accountId } = inTransaction(ctx.db, () =>
					decideSuspect(ctx.db, ctx.user, input.suspectId, { correctedWh }, ctx.now())
				);
				ctx.live.pokeAccounts(ctx.db, [accountId]);
				return { suspectId: input.suspectId, status: 'corrected' as const };
			})
	}),
	tariffs: router({
		/** A new version as data (validated against those in force); phones get it on their next pull. */
		publish: operatorProcedure.input(z.unknown()).mutation(({ ctx, input }) => {
			const version = inTransaction(ctx.db, () =>
				publishTariffVersion(ctx.db, ctx.user, input, ctx.now())
			);
			ctx.live.pokeEveryone(BROADCAST_SPREAD_MS);
			return version;
		}),
		/** A version not in force yet is taken back; phones drop it on their next pull. */
		withdraw: operatorProcedure
			.input(z.object({ id: z.string({ error: 'error.invalid_input' }).min(1).max(64) }))
			.mutation(({ ctx, input }) => {
				inTransaction(ctx.db, () => withdrawTariffVersion(ctx.db, input.id, ctx.now()));
				ctx.live.pokeEveryone(BROADCAST_SPREAD_MS);
				return { id: input.id };
			})
	}),
	requests: router({
		/** The queue: the caller's districts, oldest first, filtered, a page at a time. */
		list: operatorProcedure
			.input(queueInput)
			.query(({ ctx, input }) => requestQueue(ctx.db, ctx.user, input, ctx.now())),
		/** One request with its account, history and work orders. */
		get: operatorProcedure
			.input(z.object({ requestId }))
			.query(({ ctx, input }) => requestDetail(ctx.db, ctx.user, input.requestId, ctx.now())),
		accept: operatorProcedure.input(z.object({ requestId })).mutation(({ ctx, input }) =>
			pokeConcerned(
				ctx,
				inTransaction(ctx.db, () => acceptRequest(ctx.db, ctx.user, input.requestId, ctx.now()))
			)
		),
		/** Turned down with a preset reason (translated for the resident) or the operator's words. */
		reject: operatorProcedure
			.input(
				z.object({
					requestId,
					reason: z.enum(REJECT_REASONS, { error: 'error.reason_required' }),
					text: z.string().trim().max(500, { error: 'error.text_too_long' }).default('')
				})
			)
			.mutation(({ ctx, input }) =>
				pokeConcerned(
					ctx,
					inTransaction(ctx.db, () => rejectRequest(ctx.db, ctx.user, input, ctx.now()))
				)
			),
		schedule: operatorProcedure
			.input(z.object({ requestId, date: day }))
			.mutation(({ ctx, input }) =>
				pokeConcerned(
					ctx,
					inTransaction(ctx.db, () => scheduleRequest(ctx.db, ctx.user, input, ctx.now()))
				)
			),
		/** Sends an inspector of the request's district: makes its work order, or moves it to them. */
		assign: operatorProcedure
			.input(
				z.object({
					requestId,
					inspectorUserId: z.number({ error: 'error.invalid_input' }).int().positive(),
					scheduledDate: day.nullable().default(null),
					note: z.string().trim().max(500, { error: 'error.text_too_long' }).default('')
				})
			)
			.mutation(({ ctx, input }) =>
				pokeConcerned(
					ctx,
					inTransaction(ctx.db, () => assignRequest(ctx.db, ctx.user, input, ctx.now()))
				)
			),
		setStatus: operatorProcedure.input(statusInput).mutation(({ ctx, input }) => {
			const change = inTransaction(ctx.db, () =>
				moveRequestAsOffice(ctx.db, ctx.user, input, ctx.now())
			);
			pokeConcerned(ctx, change);
			return { requestId: input.requestId, status: input.status };
		}),
		remove: operatorProcedure
			.input(z.object({ requestId: z.string().uuid({ error: 'error.invalid_input' }) }))
			.mutation(({ ctx, input }) => {
				const change = inTransaction(ctx.db, () =>
					removeRequest(ctx.db, ctx.user, input.requestId)
				);
				ctx.live.pokeAccounts(ctx.db, [change.accountId]);
				return { requestId: change.requestId };
			})
	}),
	workOrders: router({
		/** Calls a visit off: the inspector's phone shows it cancelled; the request stays open. */
		cancel: operatorProcedure
			.input(z.object({ workOrderId: requestId }))
			.mutation(({ ctx, input }) =>
				pokeConcerned(
					ctx,
					inTransaction(ctx.db, () => cancelOrder(ctx.db, ctx.user, input.workOrderId, ctx.now()))
				)
			)
	}),
	inspectors: router({
		/** Inspectors working in the caller's districts, or in one of them. */
		list: operatorProcedure
			.input(z.object({ districtSoato: districtSoato.optional() }).default({}))
			.query(({ ctx, input }) => inspectorsInScope(ctx.db, ctx.user, input.districtSoato))
	}),
	/** Open requests by district and age; work orders by inspector and state. */
	dashboard: operatorProcedure.query(({ ctx }) => officeDashboard(ctx.db, ctx.user, ctx.now()))
});
