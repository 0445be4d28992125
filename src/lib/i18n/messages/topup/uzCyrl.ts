import type { FeatureMessages } from '../feature';
import type { en } from './en';

export const uzCyrl: FeatureMessages<typeof en> = {
	'topup.title': 'Ҳисобни тўлдириш',
	'topup.home': 'Тўлдириш',
	'topup.account': 'Шахсий ҳисоб',
	'topup.amount': 'Сумма, сўм',
	'topup.amountHint':
		'{min} дан {max} сўмгача, вергулдан кейин кўпи билан 2 рақам (масалан, 50 000 ёки 12 500,50).',
	'topup.presets': 'Тез танлаш',
	'topup.suggest.debt': 'Қарз: {amount}',
	'topup.suggest.month': 'Тахминан бир ойлик: {amount}',
	'topup.operator': 'Қандай тўлаш',
	'topup.noOperators':
		'Ҳозир тўлов тизимлари мавжуд эмас. Уларни кўриш учун интернетга уланинг ёки банк иловасида шахсий ҳисоб рақами бўйича тўланг.',
	'topup.submit': 'Тўлдириш',
	'topup.saved': 'Сақланди. Тўлов ҳаволаси ҳозир тайёр бўлади.',
	'topup.savedOffline':
		'Телефонда сақланди, тармоқни кутмоқда. Интернет бўлганда тўлов ҳаволаси пайдо бўлади.',
	'topup.error.empty': 'Суммани киритинг.',
	'topup.error.format': 'Суммани сўмда рақамлар билан киритинг, масалан 50 000 ёки 12 500,50.',
	'topup.error.decimals': 'Вергулдан кейин кўпи билан 2 рақам (тийин): масалан, 12 500,50.',
	'topup.error.min': 'Энг кам тўлов — {min} сўм.',
	'topup.error.max': 'Энг кўп тўлов — {max} сўм.',
	'topup.error.operator': 'Қандай тўлашни танланг.',
	'topup.orders.title': 'Иловадан тўлдиришлар',
	'topup.orders.empty': 'Иловадан ҳали тўлдирилмаган.',
	'topup.orders.caption': '{number} ҳисобини тўлдиришлар, аввал янгилари',
	'topup.status.waiting': 'Тармоқни кутмоқда',
	'topup.status.open': 'Тўлашга тайёр',
	'topup.status.paid': 'Тўланди',
	'topup.status.expired': 'Муддати ўтди, пул ечилмади',
	'topup.status.refunded': 'Қайтарилди',
	'topup.status.refused': 'Қабул қилинмади',
	'topup.pay': '{operator} орқали тўлаш',
	'topup.payOpens': '{operator} янги ойнада очилади',
	'topup.payOffline': 'Интернет бўлганда тўлаш мумкин.',
	'topup.payPreparing': 'Тўлов ҳаволаси тайёрланмоқда…',
	'topup.dismiss': 'Ёпиш',
	'topup.receipt': 'Чек',
	'topup.receipt.operator': 'Тўлов тизими',
	'topup.receipt.txId': 'Оператор транзакцияси',
	'topup.receipt.amount': 'Сумма',
	'topup.receipt.time': 'Тўланган вақт',
	'topup.receipt.account': 'Шахсий ҳисоб',
	'topup.receipt.balanceAfter': 'Тўловдан кейинги баланс',
	'topup.madeAt': '{time} да яратилган'
};
