import { oneIdLinkInput } from '../../../domain/oneid';
import { linkAccountByOneId } from '../../services/oneid';
import { accountSummaries } from '../../services/accounts';
import { residentProcedure, router } from '../trpc';

// What a OneID user does after signing in: finds their account by district and number (the
// sign-in itself is an HTTP redirect dance, routes/login/oneid).
export const oneidRouter = router({
	link: residentProcedure.input(oneIdLinkInput).mutation(async ({ ctx, input }) => {
		const result = await linkAccountByOneId(ctx.db, ctx.user, input, ctx.now(), ctx.clientAddress);
		if (result.added) ctx.live.pokeUsers([ctx.user.id]);
		return { ...result, account: accountSummaries(ctx.db, [result.accountId])[0] };
	})
});
