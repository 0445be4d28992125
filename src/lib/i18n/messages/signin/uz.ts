import type { FeatureMessages } from '../feature';
import type { en } from './en';

export const uz: FeatureMessages<typeof en> = {
	'oneid.button': 'OneID orqali kirish',
	'oneid.or': 'yoki',
	'oneid.hint': 'Yagona identifikatsiya tizimi: OneID profili, ERI yoki ID-karta.',
	'oneid.checking': 'Kirilmoqda…',
	'oneid.link.title': 'Shaxsiy hisobingizni toping',
	'oneid.link.intro':
		'Kvitansiyadagi viloyat va tumanni tanlang, soʻng shaxsiy hisob raqamini kiriting. Hisob sizning nomingizda boʻlsa, Tok uni bogʻlaydi.',
	'oneid.link.region': 'Viloyat',
	'oneid.link.regionChoose': 'Viloyatni tanlang',
	'oneid.link.district': 'Tuman yoki shahar',
	'oneid.link.districtChoose': 'Tumanni tanlang',
	'oneid.link.number': 'Shaxsiy hisob raqami',
	'oneid.link.numberHint': 'Faqat raqamlar, kvitansiyadagidek.',
	'oneid.link.submit': 'Hisobni bogʻlash',
	'oneid.link.busy': 'Tekshirilmoqda…',
	'oneid.link.done': '{number} hisobi bogʻlandi.',
	'oneid.link.another': 'Yana bir hisobni bogʻlash',
	'oneid.link.home': 'Hisoblarimga',
	'error.oneid_state':
		'OneID orqali kirish muddati oʻtgan yoki boshqa brauzerda boshlangan. OneID tugmasi bilan qaytadan boshlang.',
	'error.oneid_cancelled': 'OneID orqali kirish bekor qilindi.',
	'error.oneid_refused': 'OneID kirishni qabul qilmadi. Qaytadan boshlang.',
	'error.oneid_unavailable':
		'OneID hozir ishlamayapti. Keyinroq urinib koʻring yoki login va parol bilan kiring.',
	'error.oneid_timeout': 'OneID juda uzoq javob bermadi. Qaytadan urinib koʻring.',
	'error.oneid_invalid_answer':
		'OneID Tok oʻqiy olmaydigan javob yubordi. Keyinroq urinib koʻring yoki 1154 ga qoʻngʻiroq qiling.',
	'error.oneid_unconfigured': 'Bu serverda OneID orqali kirish mavjud emas.',
	'error.oneid_required': 'Hisobni bu usulda faqat OneID orqali kirgan kishi bogʻlay oladi.',
	'error.oneid_no_account': 'Bunday raqamli shaxsiy hisob yoʻq. Raqamni kvitansiyadan tekshiring.',
	'error.oneid_wrong_district':
		'Bu hisob siz tanlagan tumanda emas. Kvitansiyadagi viloyat va tumanni tekshiring.',
	'error.oneid_not_holder':
		'Bu hisob sizning nomingizda emas, shuning uchun uni OneID ingizga bogʻlab boʻlmaydi. Egasi sizni qoʻshishi mumkin yoki 1154 ga qoʻngʻiroq qiling.',
	'error.district_required': 'Tumanni tanlang.',
	'error.account_number_required': 'Shaxsiy hisob raqamini kiriting.',
	'error.account_number_format': 'Shaxsiy hisob raqami faqat raqamlardan iborat, 20 tagacha.',
	'sessions.title': 'Qayerda kirilgan',
	'sessions.thisDevice': 'Shu qurilma',
	'sessions.lastSeen': 'Soʻnggi faollik {when}',
	'sessions.signedInAt': 'kirilgan {when}',
	'sessions.unknownDevice': 'Noma’lum qurilma',
	'sessions.browserOn': '{browser}, {os}',
	'sessions.endOthers': 'Boshqa hamma qurilmalardan chiqish',
	'sessions.endOthersBusy': 'Chiqilmoqda…',
	'sessions.ended': 'Boshqa qurilmalardan chiqildi: {count}.',
	'sessions.noneOther': 'Faqat shu qurilmada kirilgan.',
	'sessions.offline': 'Seanslarni koʻrish uchun internetga ulaning.',
	'sessions.policy': 'Kirish 30 kun foydalanilmasa oʻzi tugaydi.',
	'password.title': 'Parolni oʻzgartirish',
	'password.current': 'Joriy parol',
	'password.new': 'Yangi parol',
	'password.newHint': 'Kamida 8 ta belgi.',
	'password.submit': 'Parolni oʻzgartirish',
	'password.busy': 'Oʻzgartirilmoqda…',
	'password.done':
		'Parol oʻzgartirildi. Bu yerda kirgan holda qolasiz, boshqa qurilmalardan chiqildi.',
	'password.oneid': 'Siz OneID orqali kirasiz, oʻzgartiriladigan parol yoʻq.',
	'error.current_password_wrong': 'Joriy parol notoʻgʻri.',
	'error.new_password_short': 'Yangi parol kamida 8 ta belgidan iborat boʻlishi kerak.',
	'error.new_password_same': 'Yangi parol joriy paroldan farq qilishi kerak.',
	'error.password_oneid': 'Siz OneID orqali kirasiz, oʻzgartiriladigan parol yoʻq.',
	'session.expired':
		'Kirish muddati tugadi. Koʻrib turganingiz telefonda saqlangan; sinxronlash uchun qaytadan kiring.',
	'session.expiredAction': 'Sinxronlash uchun kirish'
};
