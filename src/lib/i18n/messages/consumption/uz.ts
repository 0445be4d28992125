import type { FeatureMessages } from '../feature';
import type { en } from './en';

export const uz: FeatureMessages<typeof en> = {
	'consumption.title': 'Elektr iste’moli',
	'consumption.loading': 'Iste’mol ma’lumotlari yuklanmoqda…',
	'consumption.empty': 'Bu hisob boʻyicha hali hisoblangan oy yoʻq.',
	'consumption.chart.title': 'Oylar boʻyicha iste’mol',
	'consumption.chart.hint': 'Kunlar va hisobni koʻrish uchun oyni tanlang.',
	'consumption.legend.withinNorm': 'Ijtimoiy norma doirasida',
	'consumption.legend.aboveNorm': 'Normadan ortiq',
	'consumption.legend.normLine': 'Ijtimoiy norma',
	'consumption.estimated': 'taxminiy',
	'consumption.bar.label': '{month}: {kwh}, {amount}',
	'consumption.table.show': 'Jadval koʻrinishida',
	'consumption.table.caption': '{number} hisobi: oylar boʻyicha iste’mol va hisob',
	'consumption.table.month': 'Oy',
	'consumption.table.used': 'Sarf',
	'consumption.table.withinNorm': 'Norma doirasida',
	'consumption.table.bill': 'Summa',
	'consumption.detail.estimated':
		'Taxminiy: oy chegarasidagi koʻrsatkich eng yaqin koʻrsatkichlardan hisoblangan.',
	'consumption.compare.title': 'Oldingi oylar bilan solishtirish',
	'consumption.compare.previous': 'Oldingi oy ({month})',
	'consumption.compare.lastYear': 'Oʻtgan yilning shu oyi ({month})',
	'consumption.compare.notBilled': 'Bu oy uchun hisob yoʻq',
	'consumption.compare.change': 'Oʻzgarish',
	'consumption.bill.title': 'Hisob bloklar boʻyicha',
	'consumption.bill.unavailable':
		'Bu oy hisobini hozircha tushuntirib boʻlmaydi: qurilmada uning tarifi yoʻq.',
	'consumption.bill.part': '{from} – {to}',
	'consumption.days.title': 'Kunlar boʻyicha',
	'consumption.days.caption': '{month}: kunlik sarf',
	'consumption.days.day': 'Kun',
	'consumption.days.noData': 'koʻrsatkich yoʻq',
	'consumption.days.empty': 'Bu oy uchun kunlik koʻrsatkichlar yoʻq.',
	'consumption.monthYear': '{month} {year}',
	'consumption.monthName.1': 'Yanvar',
	'consumption.monthName.2': 'Fevral',
	'consumption.monthName.3': 'Mart',
	'consumption.monthName.4': 'Aprel',
	'consumption.monthName.5': 'May',
	'consumption.monthName.6': 'Iyun',
	'consumption.monthName.7': 'Iyul',
	'consumption.monthName.8': 'Avgust',
	'consumption.monthName.9': 'Sentabr',
	'consumption.monthName.10': 'Oktabr',
	'consumption.monthName.11': 'Noyabr',
	'consumption.monthName.12': 'Dekabr',
	'consumption.monthShort.1': 'yan',
	'consumption.monthShort.2': 'fev',
	'consumption.monthShort.3': 'mar',
	'consumption.monthShort.4': 'apr',
	'consumption.monthShort.5': 'may',
	'consumption.monthShort.6': 'iyn',
	'consumption.monthShort.7': 'iyl',
	'consumption.monthShort.8': 'avg',
	'consumption.monthShort.9': 'sen',
	'consumption.monthShort.10': 'okt',
	'consumption.monthShort.11': 'noy',
	'consumption.monthShort.12': 'dek',
	'monthSoFar.title': '{month}: shu kungacha',
	'monthSoFar.loading': 'Bu oy ma’lumotlari yuklanmoqda…',
	'monthSoFar.usedBy': '{date} holatiga sarf',
	'monthSoFar.cost': 'Hozirgacha narxi, bloklar boʻyicha',
	'monthSoFar.projected': 'Shu sur’atda oy oxirigacha',
	'monthSoFar.projectedValue': 'taxminan {kwh}, {amount}',
	'monthSoFar.noReadings': 'Bu oy uchun hali koʻrsatkich yoʻq.',
	'monthSoFar.estimatedStart':
		'Oy boshidagi koʻrsatkich eng yaqin koʻrsatkichlardan hisoblab chiqilgan.',
	'monthSoFar.prepayment.one':
		'Soʻnggi kunlardagi iste’molda oldindan toʻlovingiz taxminan {count} kunga yetadi.',
	'monthSoFar.prepayment.few':
		'Soʻnggi kunlardagi iste’molda oldindan toʻlovingiz taxminan {count} kunga yetadi.',
	'monthSoFar.prepayment.many':
		'Soʻnggi kunlardagi iste’molda oldindan toʻlovingiz taxminan {count} kunga yetadi.',
	'monthSoFar.prepayment.other':
		'Soʻnggi kunlardagi iste’molda oldindan toʻlovingiz taxminan {count} kunga yetadi.',
	'monthSoFar.warnDebt': '{amount} qarzingiz bor. Iltimos, tezroq toʻlang.',
	'monthSoFar.warnLow.one':
		'Soʻnggi kunlardagi iste’molda oldindan toʻlovingiz taxminan {count} kunga yetadi. Iltimos, hisobni toʻldiring.',
	'monthSoFar.warnLow.few':
		'Soʻnggi kunlardagi iste’molda oldindan toʻlovingiz taxminan {count} kunga yetadi. Iltimos, hisobni toʻldiring.',
	'monthSoFar.warnLow.many':
		'Soʻnggi kunlardagi iste’molda oldindan toʻlovingiz taxminan {count} kunga yetadi. Iltimos, hisobni toʻldiring.',
	'monthSoFar.warnLow.other':
		'Soʻnggi kunlardagi iste’molda oldindan toʻlovingiz taxminan {count} kunga yetadi. Iltimos, hisobni toʻldiring.',
	'monthSoFar.warnUsedBySoFar':
		'Shu oy boshidan iste’mol ({amount}) oldindan toʻlovingizdan oshib ketdi. Iltimos, hisobni toʻldiring.',
	'monthSoFar.warnUnderADay':
		'Soʻnggi kunlardagi iste’molda oldindan toʻlovingiz bir kunga ham yetmaydi. Iltimos, hisobni toʻldiring.',
	'monthSoFar.warnUsedUp': 'Oldindan toʻlovingiz tugadi. Iltimos, hisobni toʻldiring.',
	'home.link.consumption': 'Iste’mol',
	'home.link.readings': 'Koʻrsatkichlar',
	'home.link.payments': 'Toʻlovlar',
	'home.link.account': '({number} hisobi)',
	// A tariff version published for later: residents see it before it bills them.
	'consumption.tariffChange': '{date} dan tarif oʻzgaradi: {blocks}.',
	'consumption.tariffChange.block': 'oyiga {upTo} kVt·soatgacha 1 kVt·soat {price}',
	'consumption.tariffChange.rest': 'undan ortigʻi 1 kVt·soat {price}',
	'consumption.tariffChange.flat': '1 kVt·soat {price}'
};
