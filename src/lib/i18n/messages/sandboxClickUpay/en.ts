// The local stand-ins for Click's and UPay's payment pages (npm start only, /sandbox/click and
// /sandbox/upay): they play the operator's side against Tok's real endpoints.
export const en = {
	'sandbox.demoNote':
		'Demo only: this page stands in for the operator’s payment page. No money moves; the operator’s calls go to Tok’s real endpoints.',
	'sandbox.amount': 'Amount: {amount} so’m',
	'sandbox.account': 'Personal account: {account}',
	'sandbox.order': 'Payment from the Tok app, order {order}',
	'sandbox.badLink': 'This payment link is incomplete or malformed, so there is nothing to pay.',
	'sandbox.refused': 'Tok refused the payment: {code} — {note}',
	'sandbox.unreachable': 'Tok’s endpoint could not be reached. Try again.',
	'sandbox.back': 'Back to Tok',
	'sandbox.click.title': 'Click (sandbox)',
	'sandbox.click.pay': 'Pay with Click',
	'sandbox.click.decline': 'Decline (the card is refused)',
	'sandbox.upay.title': 'UPAY (sandbox)',
	'sandbox.upay.pay': 'Pay with UPAY'
};
