import type { FeatureMessages } from '../feature';
import type { en } from './en';

export const uz: FeatureMessages<typeof en> = {
	'nav.consumption': 'Iste’mol',
	'nav.readings': 'Koʻrsatkichlar',
	'nav.tabReadings': 'Koʻrsatkich',
	'nav.payments': 'Toʻlovlar',
	'nav.help': 'Yordam',
	'nav.settings': 'Sozlamalar',
	'nav.skip': 'Asosiy qismga oʻtish',
	'settings.title': 'Sozlamalar',
	'settings.language': 'Til',
	'settings.sync': 'Shu qurilmadagi ma’lumotlar',
	'settings.sync.status': 'Yangilanish',
	'settings.sync.online': 'Aloqa bor',
	'settings.sync.offline': 'Aloqa yoʻq — aloqa tiklanganda Tok ma’lumotlarni yangilaydi',
	'settings.sync.pending': 'Yuborilishini kutmoqda',
	'settings.sync.pendingNone': 'Hech narsa — hammasi yuborilgan',
	'settings.sync.last': 'Oxirgi yangilanish',
	'settings.sync.never': 'Bu qurilmada hali boʻlmagan',
	'settings.sync.lastError': 'Oxirgi xato',
	'settings.sync.noError': 'Yoʻq',
	'settings.storage': 'Xotira',
	'settings.storage.persisted':
		'Saqlanadi: brauzer joy boʻshatish uchun Tok ma’lumotlarini oʻchirmaydi.',
	'settings.storage.notPersisted':
		'Kafolatlanmagan: joy yetishmasa, brauzer Tok ma’lumotlarini oʻchirishi mumkin. Ilovani oʻrnatish odatda ularni saqlab qoladi.',
	'settings.storage.unknown':
		'Bu brauzer Tok ma’lumotlarini saqlab qoladimi yoki yoʻqmi, aytmaydi.',
	'settings.app': 'Ilova',
	'settings.install': 'Tokni oʻrnatish',
	'settings.installHint': 'Shunda Tok bosh ekrandan ilova kabi ochiladi va internetsiz ishlaydi.',
	'settings.installed': 'Tok shu qurilmaga oʻrnatilgan.',
	'settings.installManual':
		'Tokni oʻrnatish uchun brauzer menyusini oching va “Bosh ekranga qoʻshish” bandini tanlang.',
	'settings.upToDate': 'Sizda eng soʻnggi versiya.',
	'settings.signIn': 'Login',
	'settings.signedInAs': 'Siz {login} sifatida kirgansiz',
	'settings.signOutHint': 'Chiqqaningizda ma’lumotlaringiz shu qurilmadan oʻchiriladi.'
};
