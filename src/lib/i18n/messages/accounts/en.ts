// Several accounts in one app: the switcher in the header, adding an account by its own login
// and password, a name per account on this device, removing an account from the sign-in.
export const en = {
	'accounts.switcher.label': 'Account',
	'accounts.switcher.change': 'Change account, now {name}',
	'accounts.switcher.list': 'Your accounts',
	'accounts.switcher.none': 'No accounts yet',
	'accounts.add': 'Add account',
	'accounts.manage': 'Manage accounts',
	'accounts.title': 'Accounts on this sign-in',
	'accounts.intro':
		'Give each account a name that only this device shows, or remove an account you no longer need.',
	'accounts.loading': 'Loading accounts…',
	'accounts.nickname': 'Name on this device',
	'accounts.nicknameHint': 'For example Home or Dacha. Only this device shows it.',
	'accounts.nicknameSave': 'Save name',
	'accounts.nicknameSaved': 'Name saved.',
	'accounts.remove': 'Remove from this sign-in',
	'accounts.removeConfirm':
		'Remove account {number} from your sign-in? Its data is deleted from your devices. You can add it again with its login and password.',
	'accounts.removed': 'Account {number} removed. Its data leaves this device at the next sync.',
	'accounts.keeps': 'Stays on this sign-in',
	'accounts.needsNetwork': 'Adding and removing accounts needs a connection to the server.',
	'accounts.add.title': 'Add an account',
	'accounts.add.intro':
		'Enter the login and password of the account you want to add — the ones HET sent by SMS for that account. It then appears here beside your other accounts, and works offline too.',
	'accounts.add.login': 'Login of that account',
	'accounts.add.loginHint': 'Usually the personal account number',
	'accounts.add.password': 'Password of that account',
	'accounts.add.submit': 'Add account',
	'accounts.add.busy': 'Adding…',
	'accounts.add.noLogin':
		'No login for that account yet? Send the letter P by SMS to 2100 from the phone registered to it.',
	'accounts.added': 'Added: {numbers}. The data appears as soon as it has downloaded.',
	'accounts.alreadyAdded': 'Already on your sign-in: {numbers}.',
	'accounts.downloading': 'Downloading…',
	'accounts.back': 'Back to accounts',
	'error.staff_login':
		'This login belongs to HET staff, not to a personal account. Enter the login of the account you want to add.',
	'error.own_login': 'This is the login you are signed in with: its accounts are already here.',
	'error.login_without_accounts': 'No personal account is registered to this login.',
	'error.last_account': 'This is the only account on your sign-in, so it cannot be removed.',
	'error.own_account': 'This account belongs to the login you signed in with, so it stays.',
	'error.nickname_too_long': 'The name is too long (at most 24 characters).'
};
