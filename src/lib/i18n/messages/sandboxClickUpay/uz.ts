import type { FeatureMessages } from '../feature';
import type { en } from './en';

export const uz: FeatureMessages<typeof en> = {
	'sandbox.demoNote':
		'Faqat demo: bu sahifa operatorning toʻlov sahifasi oʻrnida. Pul oʻtmaydi; operatorning soʻrovlari Tokning haqiqiy manzillariga boradi.',
	'sandbox.amount': 'Summa: {amount} soʻm',
	'sandbox.account': 'Shaxsiy hisob: {account}',
	'sandbox.order': 'Tok ilovasidan toʻlov, buyurtma {order}',
	'sandbox.badLink': 'Bu toʻlov havolasi toʻliq emas yoki notoʻgʻri, toʻlanadigan narsa yoʻq.',
	'sandbox.refused': 'Tok toʻlovni rad etdi: {code} — {note}',
	'sandbox.unreachable': 'Tok manziliga ulanib boʻlmadi. Qayta urinib koʻring.',
	'sandbox.back': 'Tokka qaytish',
	'sandbox.click.title': 'Click (sinov)',
	'sandbox.click.pay': 'Click bilan toʻlash',
	'sandbox.click.decline': 'Rad etish (karta qabul qilinmadi)',
	'sandbox.upay.title': 'UPAY (sinov)',
	'sandbox.upay.pay': 'UPAY bilan toʻlash'
};
