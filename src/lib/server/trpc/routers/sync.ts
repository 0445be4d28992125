import { z } from 'zod';
import { pullInput, pushInput } from '../../../domain/sync/schemas';
import { applyPush } from '../../sync/push';
import { pullChanges } from '../../sync/pull';
import { pokes } from '../../sync/live';
import { linkedAccountIds } from '../../services/accounts';
import { expireDueOrders } from '../../services/payments/orders';
import { router, syncProcedure } from '../trpc';

export const syncRouter = router({
	push: syncProcedure.input(pushInput).mutation(({ ctx, input }) => {
		const { output, accountIds, userIds } = applyPush(ctx.db, ctx.user, input, ctx.now());
		ctx.live.pokeAccounts(ctx.db, accountIds);
		ctx.live.pokeUsers(userIds);
		return output;
	}),
	pull: syncProcedure.input(pullInput).query(({ ctx, input }) => {
		// Orders nobody paid in time close here, so the phone that asks learns it (no timer).
		const expired = expireDueOrders(ctx.db, linkedAccountIds(ctx.db, ctx.user.id), ctx.now());
		if (expired.length > 0) ctx.live.pokeAccounts(ctx.db, expired);
		return pullChanges(ctx.db, ctx.user, input, ctx.now());
	}),
	/** One poke now and one each time data this user can see changes; the client then pulls. */
	live: syncProcedure
		.input(z.object({ protocol: z.number().int() }))
		.subscription(({ ctx, signal }) => pokes(ctx.live, ctx.user.id, signal))
});
