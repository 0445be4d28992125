import type { FeatureMessages } from '../feature';
import type { en } from './en';

export const ru: FeatureMessages<typeof en> = {
	'error.photo_not_image':
		'Этот файл — не фотография. Сделайте снимок или выберите его из галереи.',
	'error.photo_too_big': 'Фотография слишком большая для отправки: не больше 2 МБ.',
	'error.photo_hash': 'Фотография названа не своим хешем SHA-256, сервер не может её принять.',
	'error.photo_checksum':
		'Фотография пришла повреждённой (хеш не совпадает). Она отправляется заново.',
	'error.photo_offset':
		'Отправка разошлась с сервером; она продолжится с того места, где остановился сервер.',
	'error.photo_length': 'Пришло больше данных фотографии, чем было заявлено.',
	'error.photo_missing': 'Этой фотографии нет на сервере.',
	'photos.state.pending': 'Ждёт отправки',
	'photos.state.uploaded': 'Отправлена',
	'photos.state.refused': 'Сервер не принял'
};
