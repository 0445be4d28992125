/** Fewer days of prepayment left than this, and the resident is told to top up. */
export const LOW_PREPAYMENT_DAYS = 7;

export type BalanceAlert =
	| { kind: 'debt'; debtTiyin: number }
	/** Nothing left: the balance is exactly zero. */
	| { kind: 'usedUp' }
	/** The balance is still positive, but this month's use so far (not billed yet) costs more. */
	| { kind: 'usedBySoFar'; soFarTiyin: number }
	/** Lasts `days` whole days at the recent pace; 0 is less than a day, not "run out". */
	| { kind: 'runningOut'; days: number }
	| null;

/**
 * Whether the home page warns about the balance, and with what that is true: a debt always; a
 * balance of zero as used up; a prepayment this month's use so far already exceeds; and one that
 * lasts under a week at the recent pace (`prepaymentDays` from estimateMonth, the days left after
 * `soFarTiyin`; null when there is no pace to go by, which is no reason to warn). A positive
 * balance is never called "run out": the page shows it beside the warning.
 */
export function balanceAlert(
	balanceTiyin: number,
	prepaymentDays: number | null,
	soFarTiyin = 0
): BalanceAlert {
	if (balanceTiyin < 0) return { kind: 'debt', debtTiyin: -balanceTiyin };
	if (balanceTiyin === 0) return { kind: 'usedUp' };
	if (soFarTiyin >= balanceTiyin) return { kind: 'usedBySoFar', soFarTiyin };
	if (prepaymentDays !== null && prepaymentDays < LOW_PREPAYMENT_DAYS)
		return { kind: 'runningOut', days: prepaymentDays };
	return null;
}
