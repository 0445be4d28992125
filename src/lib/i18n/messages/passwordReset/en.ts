// "Forgot password?" (/login/forgot): a new password by SMS to the registered phone.
export const en = {
	'reset.title': 'Forgot your password?',
	'reset.intro':
		'Enter your login or the phone number registered to your personal account. A new password comes by SMS to that phone, and the old one stops working.',
	'reset.identifier': 'Login or phone',
	'reset.identifierHint': 'For example 1726001001 or +998 90 123 45 67',
	'reset.submit': 'Send a new password',
	'reset.busy': 'Sending…',
	'reset.done':
		'If this login or phone is registered, a new password is on its way by SMS to the registered phone. It can take a few minutes.',
	'reset.back': 'Back to sign-in',
	'reset.sms':
		'No SMS? Send {letter} to {number} from the registered phone, or call the hotline {hotline}.',
	'reset.limited': 'Too many requests for a new password. Try again at {time}.',
	'error.reset_identifier_required': 'Enter your login or phone number.',
	'error.reset_limited': 'Too many requests for a new password. Try again later.'
};
