// The help page: the hotline, getting a login by SMS, video guides, short answers.
export const en = {
	'help.title': 'Help',
	'help.hotline.title': 'HET hotline',
	'help.hotline.text': 'Questions about your account, bills, payments or the meter — call:',
	'help.hotline.call': 'Call {number}',
	'help.login.title': 'Getting a login and password',
	'help.login.text':
		'Send an SMS with the letter {letter} to {number} from the phone registered to your personal account. The answer brings a login and a password for each account registered to that phone.',
	'help.reset.title': 'Forgot the password?',
	'help.reset.text':
		'Send {letter} to {number} again: a new password comes by SMS, and the old one stops working.',
	'help.videos.title': 'Find a video on YouTube',
	'help.videos.note':
		'HET has not published video guides of its own yet. Each link opens a YouTube search for the topic, with videos by other people; it needs an internet connection.',
	'help.videos.search': 'Search YouTube: {title}',
	'help.faq.title': 'Questions and answers',
	'help.faq.install.q': 'How do I install the app?',
	'help.faq.install.a':
		'On Android, open Tok in Chrome and choose Install (or Settings → Install Tok). On iPhone, open it in Safari, tap Share, then “Add to Home Screen”. The installed app opens from the home screen and works without internet.',
	'help.faq.signIn.q': 'How do I sign in?',
	'help.faq.signIn.a':
		'Enter the login and password that came by SMS (send P to 2100). The login is usually your personal account number. After the first sign-in your data stays on the phone and can be read without internet.',
	'help.faq.accounts.q': 'Can I see several accounts, for example home and dacha?',
	'help.faq.accounts.a':
		'Yes. Open the account menu at the top of the page and choose “Add account”, then enter that account’s own login and password. Give each account a name on this device and switch between them from the top of any page.',
	'help.faq.figures.q': 'Why do the figures differ from what a payment service shows?',
	'help.faq.figures.a':
		'A payment takes time to reach the HET ledger — usually up to a day — so Tok may show it later than the payment app does. And the bill is made once a month from the readings, while Tok’s estimate for the current month is updated every day; the estimate becomes the bill when the month closes.',
	'help.faq.offline.q': 'Does Tok work without internet?',
	'help.faq.offline.a':
		'Yes. Everything you have seen once stays on the device. Requests made offline wait on the phone and are sent by themselves when the connection returns.'
};
