import { accountIdInput } from '../../../domain/account';
import { accountSummaries, assertAccountAccess, linkedAccountIds } from '../../services/accounts';
import { authedProcedure, residentProcedure, router } from '../trpc';

export const accountsRouter = router({
	list: residentProcedure.query(({ ctx }) =>
		accountSummaries(ctx.db, linkedAccountIds(ctx.db, ctx.user.id))
	),
	byId: authedProcedure.input(accountIdInput).query(({ ctx, input }) => {
		assertAccountAccess(ctx.db, ctx.user, input.accountId);
		return accountSummaries(ctx.db, [input.accountId])[0];
	})
});
