import type { FeatureMessages } from '../feature';
import type { en } from './en';

export const ru: FeatureMessages<typeof en> = {
	'oneid.button': 'Войти через OneID',
	'oneid.or': 'или',
	'oneid.hint': 'Единая система идентификации: профиль OneID, ЭЦП или ID-карта.',
	'oneid.checking': 'Выполняется вход…',
	'oneid.link.title': 'Найдите свой лицевой счёт',
	'oneid.link.intro':
		'Выберите область и район, указанные в квитанции, и введите номер лицевого счёта. Tok привяжет его, если счёт оформлен на вас.',
	'oneid.link.region': 'Область',
	'oneid.link.regionChoose': 'Выберите область',
	'oneid.link.district': 'Район или город',
	'oneid.link.districtChoose': 'Выберите район',
	'oneid.link.number': 'Номер лицевого счёта',
	'oneid.link.numberHint': 'Только цифры, как в квитанции.',
	'oneid.link.submit': 'Привязать счёт',
	'oneid.link.busy': 'Проверяем…',
	'oneid.link.done': 'Счёт {number} привязан.',
	'oneid.link.another': 'Привязать ещё один счёт',
	'oneid.link.home': 'К моим счетам',
	'error.oneid_state':
		'Вход через OneID устарел или начат в другом браузере. Начните заново кнопкой OneID.',
	'error.oneid_cancelled': 'Вход через OneID отменён.',
	'error.oneid_refused': 'OneID не принял вход. Начните заново.',
	'error.oneid_unavailable':
		'OneID сейчас недоступен. Попробуйте позже или войдите по логину и паролю.',
	'error.oneid_timeout': 'OneID слишком долго не отвечал. Попробуйте ещё раз.',
	'error.oneid_invalid_answer':
		'OneID прислал ответ, который Tok не может прочитать. Попробуйте позже или позвоните 1154.',
	'error.oneid_unconfigured': 'Вход через OneID на этом сервере недоступен.',
	'error.oneid_required': 'Так привязать счёт может только вошедший через OneID.',
	'error.oneid_no_account': 'Лицевого счёта с таким номером нет. Проверьте номер в квитанции.',
	'error.oneid_wrong_district':
		'Этот счёт не в выбранном районе. Проверьте область и район в квитанции.',
	'error.oneid_not_holder':
		'Счёт оформлен не на вас, поэтому его нельзя привязать к вашему OneID. Владелец может добавить вас, или позвоните 1154.',
	'error.district_required': 'Выберите район.',
	'error.account_number_required': 'Введите номер лицевого счёта.',
	'error.account_number_format': 'Номер лицевого счёта — только цифры, не больше 20.',
	'sessions.title': 'Где выполнен вход',
	'sessions.thisDevice': 'Это устройство',
	'sessions.lastSeen': 'Активность {when}',
	'sessions.signedInAt': 'вход {when}',
	'sessions.unknownDevice': 'Неизвестное устройство',
	'sessions.browserOn': '{browser}, {os}',
	'sessions.endOthers': 'Выйти на всех других устройствах',
	'sessions.endOthersBusy': 'Выходим…',
	'sessions.ended': 'Выход выполнен на других устройствах: {count}.',
	'sessions.noneOther': 'Вход выполнен только на этом устройстве.',
	'sessions.offline': 'Подключитесь к интернету, чтобы увидеть сеансы.',
	'sessions.policy': 'Вход заканчивается сам после 30 дней без использования.',
	'password.title': 'Смена пароля',
	'password.current': 'Текущий пароль',
	'password.new': 'Новый пароль',
	'password.newHint': 'Не меньше 8 символов.',
	'password.submit': 'Сменить пароль',
	'password.busy': 'Меняем…',
	'password.done':
		'Пароль изменён. Здесь вы остаётесь в системе, на других устройствах выход выполнен.',
	'password.oneid': 'Вы входите через OneID, пароля для смены нет.',
	'error.current_password_wrong': 'Текущий пароль неверен.',
	'error.new_password_short': 'Новый пароль должен быть не короче 8 символов.',
	'error.new_password_same': 'Новый пароль должен отличаться от текущего.',
	'error.password_oneid': 'Вы входите через OneID, пароля для смены нет.',
	'session.expired':
		'Срок входа истёк. Всё, что вы видите, сохранено на телефоне; войдите снова, чтобы синхронизировать.',
	'session.expiredAction': 'Войти для синхронизации'
};
