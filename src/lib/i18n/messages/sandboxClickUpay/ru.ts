import type { FeatureMessages } from '../feature';
import type { en } from './en';

export const ru: FeatureMessages<typeof en> = {
	'sandbox.demoNote':
		'Только для демо: эта страница заменяет страницу оплаты оператора. Деньги не списываются; запросы оператора идут на настоящие адреса Tok.',
	'sandbox.amount': 'Сумма: {amount} сум',
	'sandbox.account': 'Лицевой счёт: {account}',
	'sandbox.order': 'Оплата из приложения Tok, заказ {order}',
	'sandbox.badLink': 'Ссылка на оплату неполная или неверная, оплачивать нечего.',
	'sandbox.refused': 'Tok отказал в оплате: {code} — {note}',
	'sandbox.unreachable': 'Не удалось связаться с Tok. Попробуйте ещё раз.',
	'sandbox.back': 'Вернуться в Tok',
	'sandbox.click.title': 'Click (песочница)',
	'sandbox.click.pay': 'Оплатить через Click',
	'sandbox.click.decline': 'Отказать (карта отклонена)',
	'sandbox.upay.title': 'UPAY (песочница)',
	'sandbox.upay.pay': 'Оплатить через UPAY'
};
