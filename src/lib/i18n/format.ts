import type { Locale } from './locale';

const MONTHS: Record<Locale, string[]> = {
	uz: [
		'yanvar',
		'fevral',
		'mart',
		'aprel',
		'may',
		'iyun',
		'iyul',
		'avgust',
		'sentabr',
		'oktabr',
		'noyabr',
		'dekabr'
	],
	'uz-Cyrl': [
		'январ',
		'феврал',
		'март',
		'апрел',
		'май',
		'июн',
		'июл',
		'август',
		'сентябр',
		'октябр',
		'ноябр',
		'декабр'
	],
	ru: [
		'января',
		'февраля',
		'марта',
		'апреля',
		'мая',
		'июня',
		'июля',
		'августа',
		'сентября',
		'октября',
		'ноября',
		'декабря'
	],
	en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
};

/** A calendar day ('YYYY-MM-DD') as people write it: "5 noyabr 2026", "5 ноября 2026", "5 Nov 2026". */
export function formatDate(date: string, locale: Locale): string {
	const [y, m, d] = date.split('-').map(Number);
	return `${d} ${MONTHS[locale][m - 1]} ${y}`;
}

/** A moment in the viewer's own clock: "14:05" today, else with the date. */
export function formatMoment(ms: number, locale: Locale, nowMs: number): string {
	const at = new Date(ms);
	const now = new Date(nowMs);
	const hhmm = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
	if (at.toDateString() === now.toDateString()) return hhmm;
	const day = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
	return `${formatDate(day, locale)}, ${hhmm}`;
}
