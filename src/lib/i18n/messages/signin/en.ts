// Signing in with OneID and finding one's account after it; the sessions and password parts of
// Settings.
export const en = {
	'oneid.button': 'Sign in with OneID',
	'oneid.or': 'or',
	'oneid.hint': 'The state identity service: your OneID profile, e-signature or ID card.',
	'oneid.checking': 'Signing you in…',
	'oneid.link.title': 'Find your personal account',
	'oneid.link.intro':
		'Choose the region and district on your bill, then type the personal account number. Tok links it when the account is in your name.',
	'oneid.link.region': 'Region',
	'oneid.link.regionChoose': 'Choose a region',
	'oneid.link.district': 'District or city',
	'oneid.link.districtChoose': 'Choose a district',
	'oneid.link.number': 'Personal account number',
	'oneid.link.numberHint': 'Digits only, as printed on the bill.',
	'oneid.link.submit': 'Link the account',
	'oneid.link.busy': 'Checking…',
	'oneid.link.done': 'Account {number} is linked.',
	'oneid.link.another': 'Link another account',
	'oneid.link.home': 'Go to my accounts',
	'error.oneid_state':
		'This OneID sign-in expired or was started in another browser. Start again with the OneID button.',
	'error.oneid_cancelled': 'The sign-in with OneID was cancelled.',
	'error.oneid_refused': 'OneID did not accept the sign-in. Please start again.',
	'error.oneid_unavailable':
		'OneID cannot be reached right now. Try again later or sign in with your login and password.',
	'error.oneid_timeout': 'OneID took too long to answer. Please try again.',
	'error.oneid_invalid_answer':
		'OneID sent an answer Tok cannot read. Please try again later or call 1154.',
	'error.oneid_unconfigured': 'Sign-in with OneID is not available on this server.',
	'error.oneid_required': 'Only a person signed in with OneID can link an account this way.',
	'error.oneid_no_account': 'There is no personal account with this number. Check it on your bill.',
	'error.oneid_wrong_district':
		'This account is not in the district you chose. Check the region and district on your bill.',
	'error.oneid_not_holder':
		'This account is not in your name, so it cannot be linked to your OneID. The holder can add you, or call 1154.',
	'error.district_required': 'Choose the district.',
	'error.account_number_required': 'Enter the personal account number.',
	'error.account_number_format': 'The personal account number is digits only, up to 20.',
	'sessions.title': 'Where you are signed in',
	'sessions.thisDevice': 'This device',
	'sessions.lastSeen': 'Last active {when}',
	'sessions.signedInAt': 'signed in {when}',
	'sessions.unknownDevice': 'Unknown device',
	'sessions.browserOn': '{browser} on {os}',
	'sessions.endOthers': 'Sign out everywhere else',
	'sessions.endOthersBusy': 'Signing out…',
	'sessions.ended': 'Signed out on {count} other devices.',
	'sessions.noneOther': 'You are signed in on this device only.',
	'sessions.offline': 'Connect to the internet to see your sessions.',
	'sessions.policy': 'A sign-in ends by itself after 30 days without use.',
	'password.title': 'Change password',
	'password.current': 'Current password',
	'password.new': 'New password',
	'password.newHint': 'At least 8 characters.',
	'password.submit': 'Change password',
	'password.busy': 'Changing…',
	'password.done':
		'Your password is changed. You stay signed in here; other devices are signed out.',
	'password.oneid': 'You sign in with OneID, so there is no password to change.',
	'error.current_password_wrong': 'The current password is not right.',
	'error.new_password_short': 'The new password must be at least 8 characters.',
	'error.new_password_same': 'The new password must differ from the current one.',
	'error.password_oneid': 'You sign in with OneID, so there is no password to change.',
	'session.expired':
		'Your sign-in has ended. What you see is saved on this phone; sign in again to sync.',
	'session.expiredAction': 'Sign in to sync'
};
