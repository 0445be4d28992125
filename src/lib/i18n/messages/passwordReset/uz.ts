import type { FeatureMessages } from '../feature';
import type { en } from './en';

export const uz: FeatureMessages<typeof en> = {
	'reset.title': 'Parolni unutdingizmi?',
	'reset.intro':
		'Loginingizni yoki shaxsiy hisobingizga roʻyxatdan oʻtgan telefon raqamini kiriting. Yangi parol shu telefonga SMS orqali keladi, eskisi esa ishlamay qoladi.',
	'reset.identifier': 'Login yoki telefon',
	'reset.identifierHint': 'Masalan, 1726001001 yoki +998 90 123 45 67',
	'reset.submit': 'Yangi parol yuborish',
	'reset.busy': 'Yuborilmoqda…',
	'reset.done':
		'Agar bu login yoki telefon roʻyxatdan oʻtgan boʻlsa, yangi parol roʻyxatdagi telefonga SMS orqali yuborildi. Bu bir necha daqiqa olishi mumkin.',
	'reset.back': 'Kirish sahifasiga qaytish',
	'reset.sms':
		'SMS kelmadimi? Roʻyxatdagi telefondan {number} raqamiga {letter} yuboring yoki {hotline} ishonch telefoniga qoʻngʻiroq qiling.',
	'reset.limited': 'Yangi parol soʻrovlari juda koʻp. {time} da qayta urinib koʻring.',
	'error.reset_identifier_required': 'Login yoki telefon raqamini kiriting.',
	'error.reset_limited': 'Yangi parol soʻrovlari juda koʻp. Keyinroq qayta urinib koʻring.'
};
