/** The smallest payment accepted: 1,000 so'm, the operators' usual minimum. */
export const MIN_PAYMENT_TIYIN = 1_000_00;
/** The largest: 100 million so'm, far above any household bill, far below a float's precision. */
export const MAX_PAYMENT_TIYIN = 100_000_000_00;

/**
 * An order from the app that nobody paid within this time is closed as expired. 12 hours, like
 * Payme's pending timeout: a transaction the operator opened just before the end can still be
 * performed within its own 12 hours, since an order with a live pending transaction is not
 * expired (see services/payments/orders.ts), and a person who left a checkout open over
 * lunch still finds it payable in the evening.
 */
export const ORDER_EXPIRY_MS = 12 * 3_600_000;

export function isPaymentAmount(value: unknown): value is number {
	return (
		typeof value === 'number' &&
		Number.isSafeInteger(value) &&
		value >= MIN_PAYMENT_TIYIN &&
		value <= MAX_PAYMENT_TIYIN
	);
}
