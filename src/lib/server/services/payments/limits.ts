// The amounts and the order expiry are shared with the app (domain/payments/limits.ts).
export {
	MIN_PAYMENT_TIYIN,
	MAX_PAYMENT_TIYIN,
	ORDER_EXPIRY_MS,
	isPaymentAmount
} from '../../../domain/payments/limits';
/** A transaction created but not performed within this time is cancelled (Payme: 12 hours). */
export const PENDING_TIMEOUT_MS = 12 * 3_600_000;
