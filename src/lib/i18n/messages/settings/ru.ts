import type { FeatureMessages } from '../feature';
import type { en } from './en';

export const ru: FeatureMessages<typeof en> = {
	'nav.consumption': 'Расход',
	'nav.readings': 'Показания',
	'nav.tabReadings': 'Показания',
	'nav.payments': 'Платежи',
	'nav.help': 'Помощь',
	'nav.settings': 'Настройки',
	'nav.skip': 'Перейти к содержимому',
	'settings.title': 'Настройки',
	'settings.language': 'Язык',
	'settings.sync': 'Данные на этом устройстве',
	'settings.sync.status': 'Обновление',
	'settings.sync.online': 'Есть связь',
	'settings.sync.offline': 'Нет связи — Tok обновит данные, когда она появится',
	'settings.sync.pending': 'Ждут отправки',
	'settings.sync.pendingNone': 'Ничего — всё отправлено',
	'settings.sync.last': 'Последнее обновление',
	'settings.sync.never': 'На этом устройстве ещё не было',
	'settings.sync.lastError': 'Последняя ошибка',
	'settings.sync.noError': 'Нет',
	'settings.storage': 'Хранилище',
	'settings.storage.persisted':
		'Сохраняется: браузер не удалит данные Tok, чтобы освободить место.',
	'settings.storage.notPersisted':
		'Не гарантировано: при нехватке места браузер может удалить данные Tok. Установка приложения обычно их сохраняет.',
	'settings.storage.unknown': 'Этот браузер не сообщает, сохраняет ли он данные Tok.',
	'settings.app': 'Приложение',
	'settings.install': 'Установить Tok',
	'settings.installHint':
		'Tok будет открываться с главного экрана как приложение и работать без интернета.',
	'settings.installed': 'Tok установлен на этом устройстве.',
	'settings.installManual':
		'Чтобы установить Tok, откройте меню браузера и выберите «Добавить на главный экран».',
	'settings.upToDate': 'У вас последняя версия.',
	'settings.signIn': 'Вход',
	'settings.signedInAs': 'Вы вошли как {login}',
	'settings.signOutHint': 'При выходе ваши данные удаляются с этого устройства.'
};
