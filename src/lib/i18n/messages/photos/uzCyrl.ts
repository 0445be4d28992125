import type { FeatureMessages } from '../feature';
import type { en } from './en';

export const uzCyrl: FeatureMessages<typeof en> = {
	'error.photo_not_image': 'Бу файл расм эмас. Суратга олинг ёки галереядан танланг.',
	'error.photo_too_big': 'Расм юбориш учун жуда катта: кўпи билан 2 МБ.',
	'error.photo_hash': 'Расм ўзининг SHA-256 хеши билан номланмаган, сервер уни қабул қила олмайди.',
	'error.photo_checksum': 'Расм шикастланган ҳолда келди (хеши мос эмас). У қайта юборилади.',
	'error.photo_offset': 'Юбориш сервер билан мос келмай қолди; сервер тўхтаган жойдан давом этади.',
	'error.photo_length': 'Расмдан эълон қилинганидан кўпроқ маълумот келди.',
	'error.photo_missing': 'Бу расм серверда йўқ.',
	'photos.state.pending': 'Юборилишини кутмоқда',
	'photos.state.uploaded': 'Юборилди',
	'photos.state.refused': 'Сервер қабул қилмади'
};
