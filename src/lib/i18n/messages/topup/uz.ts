import type { FeatureMessages } from '../feature';
import type { en } from './en';

export const uz: FeatureMessages<typeof en> = {
	'topup.title': 'Hisobni toʻldirish',
	'topup.home': 'Toʻldirish',
	'topup.account': 'Shaxsiy hisob',
	'topup.amount': 'Summa, soʻm',
	'topup.amountHint':
		'{min} dan {max} soʻmgacha, verguldan keyin koʻpi bilan 2 raqam (masalan, 50 000 yoki 12 500,50).',
	'topup.presets': 'Tez tanlash',
	'topup.suggest.debt': 'Qarz: {amount}',
	'topup.suggest.month': 'Taxminan bir oylik: {amount}',
	'topup.operator': 'Qanday toʻlash',
	'topup.noOperators':
		'Hozir toʻlov tizimlari mavjud emas. Ularni koʻrish uchun internetga ulaning yoki bank ilovasida shaxsiy hisob raqami boʻyicha toʻlang.',
	'topup.submit': 'Toʻldirish',
	'topup.saved': 'Saqlandi. Toʻlov havolasi hozir tayyor boʻladi.',
	'topup.savedOffline':
		'Telefonda saqlandi, tarmoqni kutmoqda. Internet boʻlganda toʻlov havolasi paydo boʻladi.',
	'topup.error.empty': 'Summani kiriting.',
	'topup.error.format': 'Summani soʻmda raqamlar bilan kiriting, masalan 50 000 yoki 12 500,50.',
	'topup.error.decimals': 'Verguldan keyin koʻpi bilan 2 raqam (tiyin): masalan, 12 500,50.',
	'topup.error.min': 'Eng kam toʻlov — {min} soʻm.',
	'topup.error.max': 'Eng koʻp toʻlov — {max} soʻm.',
	'topup.error.operator': 'Qanday toʻlashni tanlang.',
	'topup.orders.title': 'Ilovadan toʻldirishlar',
	'topup.orders.empty': 'Ilovadan hali toʻldirilmagan.',
	'topup.orders.caption': '{number} hisobini toʻldirishlar, avval yangilari',
	'topup.status.waiting': 'Tarmoqni kutmoqda',
	'topup.status.open': 'Toʻlashga tayyor',
	'topup.status.paid': 'Toʻlandi',
	'topup.status.expired': 'Muddati oʻtdi, pul yechilmadi',
	'topup.status.refunded': 'Qaytarildi',
	'topup.status.refused': 'Qabul qilinmadi',
	'topup.pay': '{operator} orqali toʻlash',
	'topup.payOpens': '{operator} yangi oynada ochiladi',
	'topup.payOffline': 'Internet boʻlganda toʻlash mumkin.',
	'topup.payPreparing': 'Toʻlov havolasi tayyorlanmoqda…',
	'topup.dismiss': 'Yopish',
	'topup.receipt': 'Chek',
	'topup.receipt.operator': 'Toʻlov tizimi',
	'topup.receipt.txId': 'Operator tranzaksiyasi',
	'topup.receipt.amount': 'Summa',
	'topup.receipt.time': 'Toʻlangan vaqt',
	'topup.receipt.account': 'Shaxsiy hisob',
	'topup.receipt.balanceAfter': 'Toʻlovdan keyingi balans',
	'topup.madeAt': '{time} da yaratilgan'
};
