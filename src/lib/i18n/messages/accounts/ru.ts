import type { FeatureMessages } from '../feature';
import type { en } from './en';

export const ru: FeatureMessages<typeof en> = {
	'accounts.switcher.label': 'Лицевой счёт',
	'accounts.switcher.change': 'Сменить счёт, сейчас {name}',
	'accounts.switcher.list': 'Ваши лицевые счета',
	'accounts.switcher.none': 'Пока нет счетов',
	'accounts.add': 'Добавить счёт',
	'accounts.manage': 'Управление счетами',
	'accounts.title': 'Лицевые счета под вашим логином',
	'accounts.intro':
		'Дайте каждому счёту название, которое видно только на этом устройстве, или удалите ненужный счёт.',
	'accounts.loading': 'Загружаем счета…',
	'accounts.nickname': 'Название на этом устройстве',
	'accounts.nicknameHint': 'Например, Дом или Дача. Видно только на этом устройстве.',
	'accounts.nicknameSave': 'Сохранить название',
	'accounts.nicknameSaved': 'Название сохранено.',
	'accounts.remove': 'Отвязать от моего логина',
	'accounts.removeConfirm':
		'Отвязать счёт {number} от вашего логина? Его данные будут удалены с ваших устройств. Привязать его снова можно по его логину и паролю.',
	'accounts.removed':
		'Счёт {number} отвязан. Его данные исчезнут с устройства при следующем обновлении.',
	'accounts.keeps': 'Остаётся: это счёт вашего логина',
	'accounts.needsNetwork': 'Чтобы добавить или убрать счёт, нужна связь с сервером.',
	'accounts.add.title': 'Добавить лицевой счёт',
	'accounts.add.intro':
		'Введите логин и пароль счёта, который хотите добавить, — те, что HET прислал по SMS для этого счёта. Он появится рядом с другими вашими счетами и будет доступен без интернета.',
	'accounts.add.login': 'Логин этого счёта',
	'accounts.add.loginHint': 'Обычно это номер лицевого счёта',
	'accounts.add.password': 'Пароль этого счёта',
	'accounts.add.submit': 'Добавить счёт',
	'accounts.add.busy': 'Добавляем…',
	'accounts.add.noLogin':
		'Нет логина для этого счёта? Отправьте SMS с буквой P на номер 2100 с телефона, на который он зарегистрирован.',
	'accounts.added': 'Добавлено: {numbers}. Данные появятся, как только загрузятся.',
	'accounts.alreadyAdded': 'Уже привязаны к вашему логину: {numbers}.',
	'accounts.downloading': 'Загружается…',
	'accounts.back': 'Назад к счетам',
	'error.staff_login':
		'Это логин сотрудника HET, а не лицевого счёта. Введите логин счёта, который хотите добавить.',
	'error.own_login': 'Это логин, под которым вы вошли: его счета уже здесь.',
	'error.login_without_accounts': 'К этому логину не привязан ни один лицевой счёт.',
	'error.last_account': 'Это единственный счёт под вашим логином, его нельзя отвязать.',
	'error.own_account': 'Этот счёт принадлежит логину, под которым вы вошли, поэтому он остаётся.',
	'error.nickname_too_long': 'Название слишком длинное (не больше 24 символов).'
};
