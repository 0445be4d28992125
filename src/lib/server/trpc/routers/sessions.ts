import { endUserSessions, listUserSessions, sessionIdOf } from '../../auth/session';
import { recordAudit } from '../../services/audit';
import { describeDevice } from '../../../domain/device';
import { authedProcedure, router } from '../trpc';

// The signed-in user's own sessions (Settings): where they are signed in, and "sign out
// everywhere", which ends all of them but the one asking.
export const sessionsRouter = router({
	list: authedProcedure.query(({ ctx }) => {
		const current = ctx.session.token ? sessionIdOf(ctx.session.token) : null;
		return listUserSessions(ctx.db, ctx.user.id, current, ctx.now()).map(({ userAgent, ...s }) => ({
			...s,
			device: describeDevice(userAgent)
		}));
	}),
	endOthers: authedProcedure.mutation(({ ctx }) => {
		const current = ctx.session.token ? sessionIdOf(ctx.session.token) : undefined;
		const ended = endUserSessions(ctx.db, ctx.user.id, { exceptSessionId: current });
		recordAudit(ctx.db, {
			event: 'sign_out_everywhere',
			userId: ctx.user.id,
			subject: ctx.user.login,
			address: ctx.clientAddress ?? 'local',
			detail: { ended },
			atMs: ctx.now()
		});
		return { ended };
	})
});
