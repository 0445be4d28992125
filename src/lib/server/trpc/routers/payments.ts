import { z } from 'zod';
import { LOCALES } from '../../../i18n/locale';
import { checkoutLink, configuredAppOperators } from '../../services/payments/checkout';
import { residentProcedure, router } from '../trpc';

const checkoutInput = z.object({
	orderId: z.string({ error: 'error.invalid_input' }).min(1).max(64),
	locale: z.enum(LOCALES).default('uz')
});

export const paymentsRouter = router({
	/** The operators the app may offer now; the others are hidden. */
	operators: residentProcedure.query(() => configuredAppOperators()),
	/** The checkout link of one of the person's own open orders (an OSON link is made by OSON). */
	checkout: residentProcedure
		.input(checkoutInput)
		.mutation(({ ctx, input }) =>
			checkoutLink(ctx.db, ctx.user, input, ctx.origin ?? 'http://localhost', ctx.now())
		)
});
