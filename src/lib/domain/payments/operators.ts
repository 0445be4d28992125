// The payment operators Tok takes money from, named once for the server, the ledger and the app.
export const PAYMENT_OPERATORS = ['oson', 'payme', 'click', 'upay', 'paynet', 'uzum'] as const;
export type PaymentOperatorId = (typeof PAYMENT_OPERATORS)[number];

// HET Billing's four: a resident picks one of these in the app and is sent to its checkout.
// Paynet and Uzum take payments by personal account number in their own apps and kiosks.
export const APP_PAYMENT_OPERATORS = [
	'oson',
	'payme',
	'click',
	'upay'
] as const satisfies readonly PaymentOperatorId[];
export type AppPaymentOperatorId = (typeof APP_PAYMENT_OPERATORS)[number];

export function isPaymentOperator(value: string): value is PaymentOperatorId {
	return (PAYMENT_OPERATORS as readonly string[]).includes(value);
}
