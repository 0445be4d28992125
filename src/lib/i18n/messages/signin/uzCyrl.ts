import type { FeatureMessages } from '../feature';
import type { en } from './en';

export const uzCyrl: FeatureMessages<typeof en> = {
	'oneid.button': 'OneID орқали кириш',
	'oneid.or': 'ёки',
	'oneid.hint': 'Ягона идентификация тизими: OneID профили, ЭРИ ёки ID-карта.',
	'oneid.checking': 'Кирилмоқда…',
	'oneid.link.title': 'Шахсий ҳисобингизни топинг',
	'oneid.link.intro':
		'Квитанциядаги вилоят ва туманни танланг, сўнг шахсий ҳисоб рақамини киритинг. Ҳисоб сизнинг номингизда бўлса, Tok уни боғлайди.',
	'oneid.link.region': 'Вилоят',
	'oneid.link.regionChoose': 'Вилоятни танланг',
	'oneid.link.district': 'Туман ёки шаҳар',
	'oneid.link.districtChoose': 'Туманни танланг',
	'oneid.link.number': 'Шахсий ҳисоб рақами',
	'oneid.link.numberHint': 'Фақат рақамлар, квитанциядагидек.',
	'oneid.link.submit': 'Ҳисобни боғлаш',
	'oneid.link.busy': 'Текширилмоқда…',
	'oneid.link.done': '{number} ҳисоби боғланди.',
	'oneid.link.another': 'Яна бир ҳисобни боғлаш',
	'oneid.link.home': 'Ҳисобларимга',
	'error.oneid_state':
		'OneID орқали кириш муддати ўтган ёки бошқа браузерда бошланган. OneID тугмаси билан қайтадан бошланг.',
	'error.oneid_cancelled': 'OneID орқали кириш бекор қилинди.',
	'error.oneid_refused': 'OneID киришни қабул қилмади. Қайтадан бошланг.',
	'error.oneid_unavailable':
		'OneID ҳозир ишламаяпти. Кейинроқ уриниб кўринг ёки логин ва парол билан киринг.',
	'error.oneid_timeout': 'OneID жуда узоқ жавоб бермади. Қайтадан уриниб кўринг.',
	'error.oneid_invalid_answer':
		'OneID Tok ўқий олмайдиган жавоб юборди. Кейинроқ уриниб кўринг ёки 1154 га қўнғироқ қилинг.',
	'error.oneid_unconfigured': 'Бу серверда OneID орқали кириш мавжуд эмас.',
	'error.oneid_required': 'Ҳисобни бу усулда фақат OneID орқали кирган киши боғлай олади.',
	'error.oneid_no_account': 'Бундай рақамли шахсий ҳисоб йўқ. Рақамни квитанциядан текширинг.',
	'error.oneid_wrong_district':
		'Бу ҳисоб сиз танлаган туманда эмас. Квитанциядаги вилоят ва туманни текширинг.',
	'error.oneid_not_holder':
		'Бу ҳисоб сизнинг номингизда эмас, шунинг учун уни OneID ингизга боғлаб бўлмайди. Эгаси сизни қўшиши мумкин ёки 1154 га қўнғироқ қилинг.',
	'error.district_required': 'Туманни танланг.',
	'error.account_number_required': 'Шахсий ҳисоб рақамини киритинг.',
	'error.account_number_format': 'Шахсий ҳисоб рақами фақат рақамлардан иборат, 20 тагача.',
	'sessions.title': 'Қаерда кирилган',
	'sessions.thisDevice': 'Шу қурилма',
	'sessions.lastSeen': 'Сўнгги фаоллик {when}',
	'sessions.signedInAt': 'кирилган {when}',
	'sessions.unknownDevice': 'Номаълум қурилма',
	'sessions.browserOn': '{browser}, {os}',
	'sessions.endOthers': 'Бошқа ҳамма қурилмалардан чиқиш',
	'sessions.endOthersBusy': 'Чиқилмоқда…',
	'sessions.ended': 'Бошқа қурилмалардан чиқилди: {count}.',
	'sessions.noneOther': 'Фақат шу қурилмада кирилган.',
	'sessions.offline': 'Сеансларни кўриш учун интернетга уланинг.',
	'sessions.policy': 'Кириш 30 кун фойдаланилмаса ўзи тугайди.',
	'password.title': 'Паролни ўзгартириш',
	'password.current': 'Жорий парол',
	'password.new': 'Янги парол',
	'password.newHint': 'Камида 8 та белги.',
	'password.submit': 'Паролни ўзгартириш',
	'password.busy': 'Ўзгартирилмоқда…',
	'password.done': 'Парол ўзгартирилди. Бу ерда кирган ҳолда қоласиз, бошқа қурилмалардан чиқилди.',
	'password.oneid': 'Сиз OneID орқали кирасиз, ўзгартириладиган парол йўқ.',
	'error.current_password_wrong': 'Жорий парол нотўғри.',
	'error.new_password_short': 'Янги парол камида 8 та белгидан иборат бўлиши керак.',
	'error.new_password_same': 'Янги парол жорий паролдан фарқ қилиши керак.',
	'error.password_oneid': 'Сиз OneID орқали кирасиз, ўзгартириладиган парол йўқ.',
	'session.expired':
		'Кириш муддати тугади. Кўриб турганингиз телефонда сақланган; синхронлаш учун қайтадан киринг.',
	'session.expiredAction': 'Синхронлаш учун кириш'
};
