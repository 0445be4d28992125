import { MAX_PAYMENT_TIYIN, MIN_PAYMENT_TIYIN } from './limits';

/** Amounts offered with one tap, in tiyin (20,000 to 200,000 so'm). */
export const TOP_UP_PRESETS_TIYIN = [20_000_00, 50_000_00, 100_000_00, 200_000_00] as const;

export interface TopUpSuggestion {
	kind: 'debt' | 'month';
	amountTiyin: number;
}

/**
 * What the form suggests: the whole debt when there is one, else about one month — this
 * month's projected bill from the readings so far — rounded up to whole so'm. A suggestion
 * outside the payment limits is raised to the minimum or left out above the maximum.
 */
export function topUpSuggestion(
	balanceTiyin: number,
	projectedMonthTiyin: number | null
): TopUpSuggestion | null {
	const [kind, raw] =
		balanceTiyin < 0
			? (['debt', -balanceTiyin] as const)
			: projectedMonthTiyin !== null && projectedMonthTiyin > 0
				? (['month', Math.ceil(projectedMonthTiyin / 100) * 100] as const)
				: [null, 0];
	if (kind === null || raw > MAX_PAYMENT_TIYIN) return null;
	return { kind, amountTiyin: Math.max(raw, MIN_PAYMENT_TIYIN) };
}
