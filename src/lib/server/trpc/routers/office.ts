import { BROADCAST_SPREAD_MS } from '../../../domain/sync/protocol';
import { z } from 'zod';
import { officeRequests, removeRequest, setRequestStatus } from '../../services/requests';
import { OFFICE_STATUSES, OPEN_STATUSES } from '../../../domain/requests/status';
import { inTransaction } from '../../db';
import { publishTariffVersion } from '../../services/tariffs';
import { operatorProcedure, router } from '../trpc';

const statusInput = z.object({
	requestId: z.string().uuid({ error: 'error.invalid_input' }),
	status: z.enum(OFFICE_STATUSES, { error: 'error.invalid_input' }),
	reason: z.string().trim().max(500, { error: 'error.text_too_long' }).nullable().default(null)
});

// The back office's first tools: see incoming requests and move them along; publish tariffs.
export const officeRouter = router({
	tariffs: router({
		/** A new version as data (validated against those in force); phones get it on their next pull. */
		publish: operatorProcedure.input(z.unknown()).mutation(({ ctx, input }) => {
			const version = inTransaction(ctx.db, () =>
				publishTariffVersion(ctx.db, ctx.user, input, ctx.now())
			);
			ctx.live.pokeEveryone(BROADCAST_SPREAD_MS);
			return version;
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
