// What HET staff (inspectors, operators) see when they sign in, until their own screens exist.
export const en = {
	'staff.title': 'Signed in as HET staff',
	'staff.who': 'You are signed in as {name} (login {login}), {role}.',
	'staff.role.inspector': 'inspector',
	'staff.role.operator': 'back-office operator',
	'staff.role.admin': 'administrator',
	'staff.noAccounts':
		'Staff sign-ins have no personal accounts, so the resident pages (balance, consumption, payments, requests) are not shown here.',
	'staff.inspector.title': 'What an inspector can do here',
	'staff.inspector.text':
		'Work orders (visits, meter checks, sealing) come to inspectors in a later version of Tok. Until then there is nothing to do in the app with this sign-in: your work orders come from the district office as before.',
	'staff.operator.title': 'What an operator can do',
	'staff.operator.text':
		'The back office has no screens yet. Its tools are called over Tok’s API (tRPC at /api/trpc) with this sign-in, or run on the server:',
	'staff.tool.requests':
		'Service requests: list them by status, move one on (accepted, visit scheduled, done, or rejected with a reason), or remove a test request.',
	'staff.tool.tariffs':
		'Tariffs: publish a new tariff version, checked against those in force; phones get it on their next sync.',
	'staff.tool.billing':
		'Billing: bill a finished month for every account (re-running it changes nothing), also as npm run billing on the server.',
	'staff.also': 'Here you can also read the help, change the language in settings, and sign out.'
};
