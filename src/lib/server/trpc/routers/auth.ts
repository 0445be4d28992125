import { passwordResetInput, signInInput } from '../../../domain/auth';
import { requestPasswordReset } from '../../services/passwordReset';
import { kickSmsWorker } from '../../sms/worker';
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
	/**
	 * "Forgot password?": a new password by SMS to the phone registered to the login or phone.
	 * The same answer whether or not it exists; too many asks answer when to try again.
	 */
	requestPasswordReset: publicProcedure
		.input(passwordResetInput)
		.mutation(async ({ ctx, input }) => {
			await requestPasswordReset(
				ctx.db,
				input.identifier,
				{ address: ctx.clientAddress ?? 'local' },
				ctx.now()
			);
			kickSmsWorker();
			return { ok: true as const };
		}),
	me: publicProcedure.query(({ ctx }) => ({ user: ctx.user }))
});
