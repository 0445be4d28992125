import { rateMonthInput } from '../../../domain/tariffQuery';
import { loadTariffVersions, rateMonthExplained } from '../../services/tariffs';
import { publicProcedure, router } from '../trpc';

export const tariffsRouter = router({
	/** The versions in force, as data. */
	list: publicProcedure.query(({ ctx }) => loadTariffVersions(ctx.db)),
	/** A month's bill explained, with the server's versions: the phone must get the same strings. */
	rateMonth: publicProcedure
		.input(rateMonthInput)
		.query(({ ctx, input }) => rateMonthExplained(ctx.db, input))
});
