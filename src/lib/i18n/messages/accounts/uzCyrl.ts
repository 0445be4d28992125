import type { FeatureMessages } from '../feature';
import type { en } from './en';

export const uzCyrl: FeatureMessages<typeof en> = {
	'accounts.switcher.label': 'Ҳисоб',
	'accounts.switcher.change': 'Ҳисобни алмаштириш, ҳозир {name}',
	'accounts.switcher.list': 'Ҳисобларингиз',
	'accounts.switcher.none': 'Ҳали ҳисоб йўқ',
	'accounts.add': 'Ҳисоб қўшиш',
	'accounts.manage': 'Ҳисобларни бошқариш',
	'accounts.title': 'Шу логиндаги ҳисоблар',
	'accounts.intro':
		'Ҳар бир ҳисобга фақат шу қурилмада кўринадиган ном беринг ёки кераксиз ҳисобни олиб ташланг.',
	'accounts.loading': 'Ҳисоблар юкланмоқда…',
	'accounts.nickname': 'Шу қурилмадаги номи',
	'accounts.nicknameHint': 'Масалан, Уй ёки Дала ҳовли. Фақат шу қурилмада кўринади.',
	'accounts.nicknameSave': 'Номни сақлаш',
	'accounts.nicknameSaved': 'Ном сақланди.',
	'accounts.remove': 'Шу логиндан олиб ташлаш',
	'accounts.removeConfirm':
		'{number} ҳисобини логинингиздан олиб ташлайсизми? Унинг маълумотлари қурилмаларингиздан ўчирилади. Кейин уни ўз логини ва пароли билан қайта қўшиш мумкин.',
	'accounts.removed':
		'{number} ҳисоби олиб ташланди. Унинг маълумотлари кейинги янгиланишда қурилмадан ўчади.',
	'accounts.keeps': 'Шу логинда қолади',
	'accounts.needsNetwork': 'Ҳисоб қўшиш ёки олиб ташлаш учун сервер билан алоқа керак.',
	'accounts.add.title': 'Ҳисоб қўшиш',
	'accounts.add.intro':
		'Қўшмоқчи бўлган ҳисобингизнинг логин ва паролини киритинг — HET шу ҳисоб учун SMS орқали юборган логин ва паролни. Ҳисоб бошқа ҳисобларингиз ёнида пайдо бўлади ва интернетсиз ҳам ишлайди.',
	'accounts.add.login': 'Шу ҳисобнинг логини',
	'accounts.add.loginHint': 'Одатда шахсий ҳисоб рақами',
	'accounts.add.password': 'Шу ҳисобнинг пароли',
	'accounts.add.submit': 'Ҳисоб қўшиш',
	'accounts.add.busy': 'Қўшилмоқда…',
	'accounts.add.noLogin':
		'Бу ҳисоб учун логин йўқми? У рўйхатдан ўтган телефондан 2100 рақамига P ҳарфини SMS қилиб юборинг.',
	'accounts.added': 'Қўшилди: {numbers}. Маълумотлар юкланиши билан кўринади.',
	'accounts.alreadyAdded': 'Логинингизда аллақачон бор: {numbers}.',
	'accounts.downloading': 'Юкланмоқда…',
	'accounts.back': 'Ҳисобларга қайтиш',
	'error.staff_login':
		'Бу HET ходимининг логини, шахсий ҳисобники эмас. Қўшмоқчи бўлган ҳисобнинг логинини киритинг.',
	'error.own_login': 'Бу сиз кирган логин: унинг ҳисоблари аллақачон шу ерда.',
	'error.login_without_accounts': 'Бу логинга ҳеч қандай шахсий ҳисоб боғланмаган.',
	'error.last_account': 'Бу логинингиздаги ягона ҳисоб, уни олиб ташлаб бўлмайди.',
	'error.own_account': 'Бу ҳисоб сиз кирган логинга тегишли, шунинг учун у қолади.',
	'error.nickname_too_long': 'Ном жуда узун (кўпи билан 24 белги).'
};
