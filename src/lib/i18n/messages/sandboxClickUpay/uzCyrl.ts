import type { FeatureMessages } from '../feature';
import type { en } from './en';

export const uzCyrl: FeatureMessages<typeof en> = {
	'sandbox.demoNote':
		'Фақат демо: бу саҳифа операторнинг тўлов саҳифаси ўрнида. Пул ўтмайди; операторнинг сўровлари Токнинг ҳақиқий манзилларига боради.',
	'sandbox.amount': 'Сумма: {amount} сўм',
	'sandbox.account': 'Шахсий ҳисоб: {account}',
	'sandbox.order': 'Ток иловасидан тўлов, буюртма {order}',
	'sandbox.badLink': 'Бу тўлов ҳаволаси тўлиқ эмас ёки нотўғри, тўланадиган нарса йўқ.',
	'sandbox.refused': 'Ток тўловни рад этди: {code} — {note}',
	'sandbox.unreachable': 'Ток манзилига уланиб бўлмади. Қайта уриниб кўринг.',
	'sandbox.back': 'Токка қайтиш',
	'sandbox.click.title': 'Click (синов)',
	'sandbox.click.pay': 'Click билан тўлаш',
	'sandbox.click.decline': 'Рад этиш (карта қабул қилинмади)',
	'sandbox.upay.title': 'UPAY (синов)',
	'sandbox.upay.pay': 'UPAY билан тўлаш'
};
