import type { FeatureMessages } from '../feature';
import type { en } from './en';

export const uzCyrl: FeatureMessages<typeof en> = {
	'sandboxOson.notice': 'Фақат демо: OSON ўрнини босувчи маҳаллий саҳифа. Пул ўтказилмайди.',
	'sandboxOson.title': 'OSON: ҳисобни тўлаш',
	'sandboxOson.account': 'Шахсий ҳисоб {account}',
	'sandboxOson.amount': '{amount} сўм',
	'sandboxOson.pay': 'Тўлаш',
	'sandboxOson.decline': 'Рад этиш',
	'sandboxOson.closed': 'Бу ҳисоб энди очиқ эмас ({status}).',
	'sandboxKiosk.notice':
		'Фақат демо: бу саҳифа Tok билан {operator} ўрнида ишлайди. Пул ўтказилмайди.',
	'sandboxKiosk.paynetTitle': 'Paynet терминалида тўлаш',
	'sandboxKiosk.uzumTitle': 'Uzum Bank иловасида тўлаш',
	'sandboxKiosk.account': 'Шахсий ҳисоб рақами',
	'sandboxKiosk.amount': 'Сумма, сўм',
	'sandboxKiosk.submit': 'Тўлаш',
	'sandboxKiosk.paid': '{account} ҳисобига {amount} сўм тўланди.',
	'sandboxKiosk.refused': 'Tok тўловни қабул қилмади: {reason}',
	'sandboxKiosk.badAmount':
		'1 000 дан 100 000 000 сўмгача суммани киритинг, кўпи билан 2 каср хона.',
	'sandboxKiosk.badAccount': 'Шахсий ҳисоб рақамини фақат рақамлар билан киритинг.',
	'sandboxKiosk.calls': 'Операторнинг Tok га сўровлари'
};
