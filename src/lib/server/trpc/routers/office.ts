import { BROADCAST_SPREAD_MS } from '../../../domain/sync/protocol';
import { z } from 'zod';
import { officeRequests, removeRequest, setRequestStatus } from '../../services/requests';
import { OFFICE_STATUSES, OPEN_STATUSES } from '../../../domain/requests/status';
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
			.query(({ ctx, input }) => heldSuspects(ctx.db, input.limit)),
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
		list: operatorProcedure
			.input(z.object({ status: z.enum(OPEN_STATUSES).optional() }).default({}))
			.query(({ ctx, input }) => officeRequests(ctx.db, input.status)),
		setStatus: operatorProcedure.input(statusInput).mutation(({ ctx, input }) => {
			const change = inTransaction(ctx.db, () =>
				setRequestStatus(ctx.db, ctx.user, input, ctx.now())
			);
			ctx.live.pokeAccounts(ctx.db, [change.accountId]);
			return { requestId: change.requestId, status: change.status };
		}),
		remove: operatorProcedure
			.input(z.object({ requestId: z.string().uuid({ error: 'error.invalid_input' }) }))
			.mutation(({ ctx, input }) => {
				const change = inTransaction(ctx.db, () => removeRequest(ctx.db, input.requestId));
				ctx.live.pokeAccounts(ctx.db, [change.accountId]);
				return { requestId: change.requestId };
			})
	})
});
