import { z } from 'zod';
import { pullInput, pushInput } from '../../../domain/sync/schemas';
import { applyPush } from '../../sync/push';
import { pullChanges } from '../../sync/pull';
import { pokes } from '../../sync/live';
import { router, syncProcedure } from '../trpc';

export const syncRouter = router({
	push: syncProcedure.input(pushInput).mutation(({ ctx, input }) => {
		const { output, accountIds } = applyPush(ctx.db, ctx.user, input, ctx.now());
		ctx.live.pokeAccounts(ctx.db, accountIds);
		return output;
	}),
	pull: syncProcedure
		.input(pullInput)
		.query(({ ctx, input }) => pullChanges(ctx.db, ctx.user, input, ctx.now())),
	/** One poke now and one each time data this user can see changes; the client then pulls. */
	live: syncProcedure
		.input(z.object({ protocol: z.number().int() }))
		.subscription(({ ctx, signal }) => pokes(ctx.live, ctx.user.id, signal))
});
