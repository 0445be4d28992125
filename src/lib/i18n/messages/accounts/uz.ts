import type { FeatureMessages } from '../feature';
import type { en } from './en';

export const uz: FeatureMessages<typeof en> = {
	'accounts.switcher.label': 'Hisob',
	'accounts.switcher.change': 'Hisobni almashtirish, hozir {name}',
	'accounts.switcher.list': 'Hisoblaringiz',
	'accounts.switcher.none': 'Hali hisob yoʻq',
	'accounts.add': 'Hisob qoʻshish',
	'accounts.manage': 'Hisoblarni boshqarish',
	'accounts.title': 'Shu logindagi hisoblar',
	'accounts.intro':
		'Har bir hisobga faqat shu qurilmada koʻrinadigan nom bering yoki keraksiz hisobni olib tashlang.',
	'accounts.loading': 'Hisoblar yuklanmoqda…',
	'accounts.nickname': 'Shu qurilmadagi nomi',
	'accounts.nicknameHint': 'Masalan, Uy yoki Dala hovli. Faqat shu qurilmada koʻrinadi.',
	'accounts.nicknameSave': 'Nomni saqlash',
	'accounts.nicknameSaved': 'Nom saqlandi.',
	'accounts.remove': 'Shu logindan olib tashlash',
	'accounts.removeConfirm':
		'{number} hisobini loginingizdan olib tashlaysizmi? Uning ma’lumotlari qurilmalaringizdan oʻchiriladi. Keyin uni oʻz logini va paroli bilan qayta qoʻshish mumkin.',
	'accounts.removed':
		'{number} hisobi olib tashlandi. Uning ma’lumotlari keyingi yangilanishda qurilmadan oʻchadi.',
	'accounts.keeps': 'Shu loginda qoladi',
	'accounts.needsNetwork': 'Hisob qoʻshish yoki olib tashlash uchun server bilan aloqa kerak.',
	'accounts.add.title': 'Hisob qoʻshish',
	'accounts.add.intro':
		'Qoʻshmoqchi boʻlgan hisobingizning login va parolini kiriting — HET shu hisob uchun SMS orqali yuborgan login va parolni. Hisob boshqa hisoblaringiz yonida paydo boʻladi va internetsiz ham ishlaydi.',
	'accounts.add.login': 'Shu hisobning logini',
	'accounts.add.loginHint': 'Odatda shaxsiy hisob raqami',
	'accounts.add.password': 'Shu hisobning paroli',
	'accounts.add.submit': 'Hisob qoʻshish',
	'accounts.add.busy': 'Qoʻshilmoqda…',
	'accounts.add.noLogin':
		'Bu hisob uchun login yoʻqmi? U roʻyxatdan oʻtgan telefondan 2100 raqamiga P harfini SMS qilib yuboring.',
	'accounts.added': 'Qoʻshildi: {numbers}. Ma’lumotlar yuklanishi bilan koʻrinadi.',
	'accounts.alreadyAdded': 'Loginingizda allaqachon bor: {numbers}.',
	'accounts.downloading': 'Yuklanmoqda…',
	'accounts.back': 'Hisoblarga qaytish',
	'error.staff_login':
		'Bu HET xodimining logini, shaxsiy hisobniki emas. Qoʻshmoqchi boʻlgan hisobning loginini kiriting.',
	'error.own_login': 'Bu siz kirgan login: uning hisoblari allaqachon shu yerda.',
	'error.login_without_accounts': 'Bu loginga hech qanday shaxsiy hisob bogʻlanmagan.',
	'error.last_account': 'Bu loginingizdagi yagona hisob, uni olib tashlab boʻlmaydi.',
	'error.own_account': 'Bu hisob siz kirgan loginga tegishli, shuning uchun u qoladi.',
	'error.nickname_too_long': 'Nom juda uzun (koʻpi bilan 24 belgi).'
};
