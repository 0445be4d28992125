import { TRPCError } from '@trpc/server';
import { rateMonthInput } from '../../../domain/tariffQuery';
import { explain, rateMonth, TariffError } from '../../../tariff';
import { loadTariffVersions } from '../../services/tariffs';
import { publicProcedure, router } from '../trpc';

export const tariffsRouter = router({
	/** The versions in force, as data. */
	list: publicProcedure.query(({ ctx }) => loadTariffVersions(ctx.db)),
	/** A month's bill explained, with the server's versions: the phone must get the same strings. */
	rateMonth: publicProcedure.input(rateMonthInput).query(({ ctx, input }) => {
		try {
			const rating = rateMonth(
				loadTariffVersions(ctx.db),
				input.tariffClass,
				input.month,
				input.usageKwh
			);
			return { amount: rating.total.toFixed(2), ...explain(rating, input.locale) };
		} catch (error) {
			if (error instanceof TariffError)
				throw new TRPCError({ code: 'BAD_REQUEST', message: error.message });
			throw error;
		}
	})
});
