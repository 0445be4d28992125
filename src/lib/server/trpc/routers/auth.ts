import { signInInput } from '../../../domain/auth';
import { signIn } from '../../services/auth';
import { invalidateSession } from '../../auth/session';
import { publicProcedure, router } from '../trpc';

export const authRouter = router({
	signIn: publicProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
		const { user, token, expiresAtMs } = await signIn(ctx.db, input, ctx.now(), ctx.clientAddress);
		if (ctx.session.token) invalidateSession(ctx.db, ctx.session.token);
		ctx.session.set(token, expiresAtMs);
		return { user };
	}),
	signOut: publicProcedure.mutation(({ ctx }) => {
		if (ctx.session.token) invalidateSession(ctx.db, ctx.session.token);
		ctx.session.clear();
		return { ok: true as const };
	}),
	me: publicProcedure.query(({ ctx }) => ({ user: ctx.user }))
});
