import type { Locale } from '../../../i18n/locale';
import type { PaymentOperatorId } from '../../../domain/payments/operators';
import type { PaymentOrder } from './orders';

/**
 * What the app needs of each operator: whether it is configured (an operator without its keys
 * is hidden in the app and its endpoint answers that it is not configured) and, for the four
 * the app pays through, the checkout link of an order. Each operator's protocol adapter lives in
 * its own module; the table in ./operators lists them.
 */
export interface CheckoutRequest {
	order: PaymentOrder;
	accountNumber: string;
	/** Where the operator sends the person back: Tok's own page for the order. */
	returnUrl: string;
	/** The origin of Tok as the phone reached it, for callback URLs in the demo. */
	origin: string;
	locale: Locale;
}

export interface PaymentOperatorAdapter {
	id: PaymentOperatorId;
	configured(): boolean;
	/** The operator's checkout link for the order; absent for operators paid by account number. */
	checkoutUrl?(request: CheckoutRequest): Promise<string>;
}
