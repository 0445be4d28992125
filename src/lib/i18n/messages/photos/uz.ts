import type { FeatureMessages } from '../feature';
import type { en } from './en';

export const uz: FeatureMessages<typeof en> = {
	'error.photo_not_image': 'Bu fayl rasm emas. Suratga oling yoki galereyadan tanlang.',
	'error.photo_too_big': 'Rasm yuborish uchun juda katta: koʻpi bilan 2 MB.',
	'error.photo_hash':
		'Rasm oʻzining SHA-256 xeshi bilan nomlanmagan, server uni qabul qila olmaydi.',
	'error.photo_checksum': 'Rasm shikastlangan holda keldi (xeshi mos emas). U qayta yuboriladi.',
	'error.photo_offset':
		'Yuborish server bilan mos kelmay qoldi; server toʻxtagan joydan davom etadi.',
	'error.photo_length': 'Rasmdan e’lon qilinganidan koʻproq ma’lumot keldi.',
	'error.photo_missing': 'Bu rasm serverda yoʻq.',
	'photos.state.pending': 'Yuborilishini kutmoqda',
	'photos.state.uploaded': 'Yuborildi',
	'photos.state.refused': 'Server qabul qilmadi'
};
