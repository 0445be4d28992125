import type { FeatureMessages } from '../feature';
import type { en } from './en';

export const uz: FeatureMessages<typeof en> = {
	'staff.title': 'HET xodimi sifatida kirdingiz',
	'staff.who': 'Siz {name} (login {login}) sifatida kirdingiz: {role}.',
	'staff.role.inspector': 'nazoratchi',
	'staff.role.operator': 'ofis operatori',
	'staff.role.admin': 'administrator',
	'staff.noAccounts':
		'Xodim loginida shaxsiy hisob yoʻq, shuning uchun iste’molchi sahifalari (balans, iste’mol, toʻlovlar, arizalar) bu yerda koʻrsatilmaydi.',
	'staff.inspector.title': 'Nazoratchi bu yerda nima qila oladi',
	'staff.inspector.text':
		'Topshiriqlar (tashriflar, hisoblagichni tekshirish, plomba) nazoratchilarga Tokning keyingi versiyasida keladi. Ungacha bu login bilan ilovada qiladigan ish yoʻq: topshiriqlaringiz avvalgidek tuman ofisidan keladi.',
	'staff.operator.title': 'Operator nima qila oladi',
	'staff.operator.text':
		'Ofis uchun hali ekranlar yoʻq. Uning vositalari shu login bilan Tok API orqali (tRPC, /api/trpc) chaqiriladi yoki serverda ishga tushiriladi:',
	'staff.tool.requests':
		'Arizalar: holati boʻyicha roʻyxat, arizani keyingi bosqichga oʻtkazish (qabul qilindi, tashrif belgilandi, bajarildi yoki sababi bilan rad etildi) yoki sinov arizasini oʻchirish.',
	'staff.tool.tariffs':
		'Tariflar: amaldagilarga nisbatan tekshirilgan yangi tarifni e’lon qilish; telefonlar uni keyingi yangilanishda oladi.',
	'staff.tool.billing':
		'Hisob-kitob: tugagan oy uchun barcha hisoblarga hisob yozish (qayta ishga tushirish hech narsani oʻzgartirmaydi), serverda npm run billing ham.',
	'staff.also': 'Bu yerda yordamni oʻqish, sozlamalarda tilni oʻzgartirish va chiqish ham mumkin.'
};
