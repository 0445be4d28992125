import type { FeatureMessages } from '../feature';
import type { en } from './en';

export const ru: FeatureMessages<typeof en> = {
	'sandboxOson.notice': 'Только для демо: локальная замена OSON. Деньги не списываются.',
	'sandboxOson.title': 'OSON: оплата счёта',
	'sandboxOson.account': 'Лицевой счёт {account}',
	'sandboxOson.amount': '{amount} сум',
	'sandboxOson.pay': 'Оплатить',
	'sandboxOson.decline': 'Отклонить',
	'sandboxOson.closed': 'Этот счёт уже закрыт ({status}).',
	'sandboxKiosk.notice':
		'Только для демо: эта страница играет роль {operator} для Tok. Деньги не списываются.',
	'sandboxKiosk.paynetTitle': 'Оплата в терминале Paynet',
	'sandboxKiosk.uzumTitle': 'Оплата в приложении Uzum Bank',
	'sandboxKiosk.account': 'Номер лицевого счёта',
	'sandboxKiosk.amount': 'Сумма, сум',
	'sandboxKiosk.submit': 'Оплатить',
	'sandboxKiosk.paid': 'На счёт {account} оплачено {amount} сум.',
	'sandboxKiosk.refused': 'Tok не принял платёж: {reason}',
	'sandboxKiosk.badAmount':
		'Введите сумму от 1 000 до 100 000 000 сум, не более 2 знаков после запятой.',
	'sandboxKiosk.badAccount': 'Введите номер лицевого счёта, только цифры.',
	'sandboxKiosk.calls': 'Запросы оператора к Tok'
};
