import type { FeatureMessages } from '../feature';
import type { en } from './en';

export const ru: FeatureMessages<typeof en> = {
	'topup.title': 'Пополнить',
	'topup.home': 'Пополнить',
	'topup.account': 'Лицевой счёт',
	'topup.amount': 'Сумма, сум',
	'topup.amountHint':
		'От {min} до {max} сум, не больше 2 знаков после запятой (например, 50 000 или 12 500,50).',
	'topup.presets': 'Быстрый выбор',
	'topup.suggest.debt': 'Долг: {amount}',
	'topup.suggest.month': 'Примерно за месяц: {amount}',
	'topup.operator': 'Чем оплатить',
	'topup.noOperators':
		'Сейчас нет доступных платёжных систем. Подключитесь к интернету, чтобы их увидеть, или оплатите по номеру лицевого счёта в приложении банка.',
	'topup.submit': 'Пополнить',
	'topup.saved': 'Сохранено. Ссылка на оплату сейчас будет готова.',
	'topup.savedOffline':
		'Сохранено на телефоне, ждёт сети. Ссылка на оплату появится, когда будет интернет.',
	'topup.error.empty': 'Введите сумму.',
	'topup.error.format': 'Введите сумму в сумах цифрами, например 50 000 или 12 500,50.',
	'topup.error.decimals': 'Не больше 2 знаков после запятой (тийины): например, 12 500,50.',
	'topup.error.min': 'Наименьший платёж — {min} сум.',
	'topup.error.max': 'Наибольший платёж — {max} сум.',
	'topup.error.operator': 'Выберите, чем оплатить.',
	'topup.orders.title': 'Пополнения из приложения',
	'topup.orders.empty': 'Пополнений из приложения пока нет.',
	'topup.orders.caption': 'Пополнения счёта {number}, сначала новые',
	'topup.status.waiting': 'Ждёт сети',
	'topup.status.open': 'Можно оплатить',
	'topup.status.paid': 'Оплачено',
	'topup.status.expired': 'Срок истёк, деньги не списаны',
	'topup.status.refunded': 'Возвращено',
	'topup.status.refused': 'Не принято',
	'topup.pay': 'Оплатить через {operator}',
	'topup.payOpens': 'откроет {operator} в новой вкладке',
	'topup.payOffline': 'Оплатить можно, когда будет интернет.',
	'topup.payPreparing': 'Готовим ссылку на оплату…',
	'topup.dismiss': 'Скрыть',
	'topup.receipt': 'Чек',
	'topup.receipt.operator': 'Оплачено через',
	'topup.receipt.txId': 'Транзакция оператора',
	'topup.receipt.amount': 'Сумма',
	'topup.receipt.time': 'Время оплаты',
	'topup.receipt.account': 'Лицевой счёт',
	'topup.receipt.balanceAfter': 'Баланс после оплаты',
	'topup.madeAt': 'Создано {time}'
};
