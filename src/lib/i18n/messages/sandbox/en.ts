// The operators' demo stand-ins (src/routes/sandbox/): OSON's pay page and the pages that play
// Paynet and Uzum Bank against Tok. Operators' names are brands: the same in every language.
export const en = {
	'sandboxOson.notice': 'Demo only: a local stand-in for OSON. No money moves.',
	'sandboxOson.title': 'OSON: pay the invoice',
	'sandboxOson.account': 'Personal account {account}',
	'sandboxOson.amount': "{amount} so'm",
	'sandboxOson.pay': 'Pay',
	'sandboxOson.decline': 'Decline',
	'sandboxOson.closed': 'This invoice is no longer open ({status}).',
	'sandboxKiosk.notice': 'Demo only: this page plays {operator} against Tok. No money moves.',
	'sandboxKiosk.paynetTitle': 'Pay at a Paynet kiosk',
	'sandboxKiosk.uzumTitle': 'Pay in the Uzum Bank app',
	'sandboxKiosk.account': 'Personal account number',
	'sandboxKiosk.amount': "Amount, so'm",
	'sandboxKiosk.submit': 'Pay',
	'sandboxKiosk.paid': "Paid {amount} so'm to account {account}.",
	'sandboxKiosk.refused': 'Tok refused the payment: {reason}',
	'sandboxKiosk.badAmount':
		"Type an amount from 1,000 to 100,000,000 so'm, with at most 2 decimals.",
	'sandboxKiosk.badAccount': 'Type the personal account number, digits only.',
	'sandboxKiosk.calls': "The operator's calls to Tok"
};
