import type { FeatureMessages } from '../feature';
import type { en } from './en';

export const uz: FeatureMessages<typeof en> = {
	'sandboxOson.notice': 'Faqat demo: OSON oʻrnini bosuvchi mahalliy sahifa. Pul oʻtkazilmaydi.',
	'sandboxOson.title': 'OSON: hisobni toʻlash',
	'sandboxOson.account': 'Shaxsiy hisob {account}',
	'sandboxOson.amount': '{amount} soʻm',
	'sandboxOson.pay': 'Toʻlash',
	'sandboxOson.decline': 'Rad etish',
	'sandboxOson.closed': 'Bu hisob endi ochiq emas ({status}).',
	'sandboxKiosk.notice':
		'Faqat demo: bu sahifa Tok bilan {operator} oʻrnida ishlaydi. Pul oʻtkazilmaydi.',
	'sandboxKiosk.paynetTitle': 'Paynet terminalida toʻlash',
	'sandboxKiosk.uzumTitle': 'Uzum Bank ilovasida toʻlash',
	'sandboxKiosk.account': 'Shaxsiy hisob raqami',
	'sandboxKiosk.amount': 'Summa, soʻm',
	'sandboxKiosk.submit': 'Toʻlash',
	'sandboxKiosk.paid': '{account} hisobiga {amount} soʻm toʻlandi.',
	'sandboxKiosk.refused': 'Tok toʻlovni qabul qilmadi: {reason}',
	'sandboxKiosk.badAmount':
		'1 000 dan 100 000 000 soʻmgacha summani kiriting, koʻpi bilan 2 kasr xona.',
	'sandboxKiosk.badAccount': 'Shaxsiy hisob raqamini faqat raqamlar bilan kiriting.',
	'sandboxKiosk.calls': 'Operatorning Tok’ga soʻrovlari'
};
