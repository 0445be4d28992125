// The settings page, and the header and navigation every page shares (components/layout).
export const en = {
	'nav.consumption': 'Usage',
	'nav.readings': 'Readings',
	'nav.tabReadings': 'Readings',
	'nav.payments': 'Payments',
	'nav.help': 'Help',
	'nav.settings': 'Settings',
	'nav.skip': 'Skip to content',
	'settings.title': 'Settings',
	'settings.language': 'Language',
	'settings.sync': 'Data on this device',
	'settings.sync.status': 'Sync',
	'settings.sync.online': 'Connected',
	'settings.sync.offline': 'No connection — Tok syncs when it returns',
	'settings.sync.pending': 'Waiting to send',
	'settings.sync.pendingNone': 'Nothing — everything has been sent',
	'settings.sync.last': 'Last sync',
	'settings.sync.never': 'Not yet on this device',
	'settings.sync.lastError': 'Last problem',
	'settings.sync.noError': 'None',
	'settings.storage': 'Storage',
	'settings.storage.persisted': 'Kept: the browser will not delete Tok’s data to free up space.',
	'settings.storage.notPersisted':
		'Not guaranteed: when space runs low, the browser may delete Tok’s data. Installing the app usually keeps it.',
	'settings.storage.unknown': 'This browser does not say whether it keeps Tok’s data.',
	'settings.app': 'App',
	'settings.install': 'Install Tok',
	'settings.installHint':
		'Tok then opens from the home screen like an app and works without internet.',
	'settings.installed': 'Tok is installed on this device.',
	'settings.installManual':
		'To install Tok, open the browser menu and choose “Add to Home screen”.',
	'settings.upToDate': 'You have the latest version.',
	'settings.signIn': 'Sign-in',
	'settings.signedInAs': 'Signed in as {login}',
	'settings.signOutHint': 'Signing out deletes your data from this device.'
};
