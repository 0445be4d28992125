import type { FeatureMessages } from '../feature';
import type { en } from './en';

export const uzCyrl: FeatureMessages<typeof en> = {
	'nav.consumption': 'Истеъмол',
	'nav.readings': 'Кўрсаткичлар',
	'nav.tabReadings': 'Кўрсаткич',
	'nav.payments': 'Тўловлар',
	'nav.help': 'Ёрдам',
	'nav.settings': 'Созламалар',
	'nav.skip': 'Асосий қисмга ўтиш',
	'settings.title': 'Созламалар',
	'settings.language': 'Тил',
	'settings.sync': 'Шу қурилмадаги маълумотлар',
	'settings.sync.status': 'Янгиланиш',
	'settings.sync.online': 'Алоқа бор',
	'settings.sync.offline': 'Алоқа йўқ — алоқа тикланганда Tok маълумотларни янгилайди',
	'settings.sync.pending': 'Юборилишини кутмоқда',
	'settings.sync.pendingNone': 'Ҳеч нарса — ҳаммаси юборилган',
	'settings.sync.last': 'Охирги янгиланиш',
	'settings.sync.never': 'Бу қурилмада ҳали бўлмаган',
	'settings.sync.lastError': 'Охирги хато',
	'settings.sync.noError': 'Йўқ',
	'settings.storage': 'Хотира',
	'settings.storage.persisted': 'Сақланади: браузер жой бўшатиш учун Tok маълумотларини ўчирмайди.',
	'settings.storage.notPersisted':
		'Кафолатланмаган: жой етишмаса, браузер Tok маълумотларини ўчириши мумкин. Иловани ўрнатиш одатда уларни сақлаб қолади.',
	'settings.storage.unknown': 'Бу браузер Tok маълумотларини сақлаб қоладими ёки йўқми, айтмайди.',
	'settings.app': 'Илова',
	'settings.install': 'Tok иловасини ўрнатиш',
	'settings.installHint': 'Шунда Tok бош экрандан илова каби очилади ва интернетсиз ишлайди.',
	'settings.installed': 'Tok шу қурилмага ўрнатилган.',
	'settings.installManual':
		'Tok иловасини ўрнатиш учун браузер менюсини очинг ва «Бош экранга қўшиш» бандини танланг.',
	'settings.upToDate': 'Сизда энг сўнгги версия.',
	'settings.signIn': 'Логин',
	'settings.signedInAs': 'Сиз {login} сифатида киргансиз',
	'settings.signOutHint': 'Чиққанингизда маълумотларингиз шу қурилмадан ўчирилади.'
};
