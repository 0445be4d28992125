import { z } from 'zod';
import { inTransaction } from '../../db';
import { operatorProcedure, router } from '../trpc';
import { heldResults, resolveHeldResult } from '../../services/inspection/review';

const listInput = z
	.object({
		limit: z.number({ error: 'error.invalid_input' }).int().min(1).max(200).default(50),
		beforeReceivedAtMs: z.number({ error: 'error.invalid_input' }).int().positive().optional()
	})
	.default({ limit: 50 });

const resolveInput = z.object({
	resultId: z
		.string({ error: 'error.invalid_input' })
		.uuid({ error: 'error.invalid_input' })
		.transform((id) => id.toLowerCase()),
	decision: z.enum(['apply', 'dismiss'], { error: 'error.invalid_input' }),
	// The operator says why, for the record and the inspector.
	note: z
		.string({ error: 'error.review_note_required' })
		.trim()
		.min(1, { error: 'error.review_note_required' })
		.max(500, { error: 'error.text_too_long' })
});

// Inspectors' results the server could not apply as they stood, for an operator to decide
// (services/inspection/review.ts). Operators see their districts only, admins all.
export const reviewRouter = router({
	list: operatorProcedure
		.input(listInput)
		.query(({ ctx, input }) => heldResults(ctx.db, ctx.user, input)),
	resolve: operatorProcedure.input(resolveInput).mutation(({ ctx, input }) => {
		const outcome = inTransaction(ctx.db, () =>
			resolveHeldResult(ctx.db, ctx.user, input, ctx.now())
		);
		ctx.live.pokeAccounts(ctx.db, [outcome.accountId]);
		ctx.live.pokeUsers(outcome.inspectorUserIds);
		return { resultId: outcome.resultId, decision: outcome.decision };
	})
});
