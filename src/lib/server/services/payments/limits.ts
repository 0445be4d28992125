/** The smallest payment accepted: 1,000 so'm, the operators' usual minimum. */
export const MIN_PAYMENT_TIYIN = 1_000_00;
/** The largest: 100 million so'm, far above any household bill, far below a float's precision. */
export const MAX_PAYMENT_TIYIN = 100_000_000_00;
/** A transaction created but not performed within this time is cancelled (Payme: 12 hours). */
export const PENDING_TIMEOUT_MS = 12 * 3_600_000;

export function isPaymentAmount(value: unknown): value is number {
	return (
		typeof value === 'number' &&
		Number.isSafeInteger(value) &&
		value >= MIN_PAYMENT_TIYIN &&
		value <= MAX_PAYMENT_TIYIN
	);
}
