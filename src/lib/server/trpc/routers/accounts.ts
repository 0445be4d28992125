import { accountIdInput, linkAccountInput, unlinkAccountInput } from '../../../domain/account';
import { accountSummaries, assertAccountAccess, linkedAccountIds } from '../../services/accounts';
import { linkAccountsByLogin, unlinkAccount } from '../../services/accountLinks';
import { authedProcedure, residentProcedure, router } from '../trpc';

export const accountsRouter = router({
	list: residentProcedure.query(({ ctx }) =>
		accountSummaries(ctx.db, linkedAccountIds(ctx.db, ctx.user.id))
	),
	byId: authedProcedure.input(accountIdInput).query(({ ctx, input }) => {
		assertAccountAccess(ctx.db, ctx.user, input.accountId);
		return accountSummaries(ctx.db, [input.accountId])[0];
	}),
	/** Adds the accounts another login opens (HET's per-account login and password). */
	link: residentProcedure.input(linkAccountInput).mutation(async ({ ctx, input }) => {
		const result = await linkAccountsByLogin(ctx.db, ctx.user, input, ctx.now(), ctx.clientAddress);
		// The user's devices pull; the cursor has no entry for a new account, so all of it comes.
		if (result.addedAccountIds.length > 0) ctx.live.pokeUsers([ctx.user.id]);
		return { ...result, accounts: accountSummaries(ctx.db, result.accountIds) };
	}),
	/** Takes an account off this sign-in; the next pull drops its rows from every device. */
	unlink: residentProcedure.input(unlinkAccountInput).mutation(({ ctx, input }) => {
		const result = unlinkAccount(ctx.db, ctx.user, input.accountId, {
			nowMs: ctx.now(),
			address: ctx.clientAddress ?? 'local'
		});
		ctx.live.pokeUsers([ctx.user.id]);
		return result;
	})
});
