/**
 * Why the payments service refused a call, in its own words; each operator's adapter maps the
 * kind to that operator's published code. `field` names the input at fault.
 */
export type PaymentRefusal =
	| 'account_not_found'
	| 'order_not_found'
	| 'order_other_account'
	| 'order_amount_differs'
	| 'order_busy'
	| 'order_closed'
	| 'amount_out_of_range'
	| 'transaction_not_found'
	| 'transaction_differs'
	| 'cannot_perform'
	| 'timed_out';

export class PaymentError extends Error {
	override readonly name = 'PaymentError';
	constructor(
		readonly refusal: PaymentRefusal,
		readonly field: string
	) {
		super(`${refusal} (${field})`);
	}
}
