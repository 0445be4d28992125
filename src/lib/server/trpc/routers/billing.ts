import { BROADCAST_SPREAD_MS } from '../../../domain/sync/protocol';
import { billingRunInput } from '../../../domain/billing';
import { billMonthAsync } from '../../services/billing/run';
import { operatorProcedure, router } from '../trpc';

export const billingRouter = router({
	/** Bills a finished month for every account; safe to repeat (see services/billing/README.md). */
	run: operatorProcedure.input(billingRunInput).mutation(async ({ ctx, input }) => {
		const report = await billMonthAsync(ctx.db, { month: input.month, nowMs: ctx.now() });
		if (report.charged + report.corrected > 0) ctx.live.pokeEveryone(BROADCAST_SPREAD_MS);
		return report;
	})
});
