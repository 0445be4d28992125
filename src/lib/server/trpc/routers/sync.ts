import { accountSummaries, linkedAccountIds } from '../../services/accounts';
import { authedProcedure, router } from '../trpc';

// First cut of the pull: everything the user may see, at once. Cursor pulls replace it with the
// sync engine.
export const syncRouter = router({
	pull: authedProcedure.query(({ ctx }) => {
		const ids = ctx.user.role === 'resident' ? linkedAccountIds(ctx.db, ctx.user.id) : [];
		return { serverTimeMs: ctx.now(), user: ctx.user, accounts: accountSummaries(ctx.db, ids) };
	})
});
