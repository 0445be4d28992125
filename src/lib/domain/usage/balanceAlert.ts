/** Fewer days of prepayment left than this, and the resident is told to top up. */
export const LOW_PREPAYMENT_DAYS = 7;

export type BalanceAlert =
	{ kind: 'debt'; debtTiyin: number } | { kind: 'runningOut'; days: number } | null;

/**
 * Whether the home page warns about the balance: always for a debt, and for a prepayment that
 * lasts under a week at the recent pace (`prepaymentDays` from estimateMonth; null when there is
 * no pace to go by, which is no reason to warn).
 */
export function balanceAlert(balanceTiyin: number, prepaymentDays: number | null): BalanceAlert {
	if (balanceTiyin < 0) return { kind: 'debt', debtTiyin: -balanceTiyin };
	if (balanceTiyin > 0 && prepaymentDays !== null && prepaymentDays < LOW_PREPAYMENT_DAYS)
		return { kind: 'runningOut', days: prepaymentDays };
	return null;
}
