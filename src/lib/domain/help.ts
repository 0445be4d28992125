import type { Locale } from '../i18n/locale';

// What the help page points to. Numbers are HET's own: the hotline, and the short number that
// answers an SMS "P" with a login and password per account (a new "P" resets the password).
export const HOTLINE = '1154';
export const SMS_NUMBER = '2100';
export const SMS_LETTER = 'P';

export interface VideoGuide {
	id: string;
	url: string;
	/** The title in each language; a video itself may be in one language only. */
	title: Record<Locale, string>;
}

// Video guides are configuration, not code: replace the addresses with HET's own published videos
// when they are chosen (until then each opens a video search for the topic). Order = page order.
export const VIDEO_GUIDES: VideoGuide[] = [
	{
		id: 'install',
		url: 'https://www.youtube.com/results?search_query=HET+Billing+ilovasi+o%CA%BBrnatish',
		title: {
			en: 'Installing the app on a phone',
			uz: 'Ilovani telefonga oʻrnatish',
			'uz-Cyrl': 'Иловани телефонга ўрнатиш',
			ru: 'Как установить приложение на телефон'
		}
	},
	{
		id: 'login',
		url: 'https://www.youtube.com/results?search_query=HET+2100+SMS+login+parol',
		title: {
			en: 'Getting a login and password by SMS',
			uz: 'SMS orqali login va parol olish',
			'uz-Cyrl': 'SMS орқали логин ва парол олиш',
			ru: 'Как получить логин и пароль по SMS'
		}
	},
	{
		id: 'pay',
		url: 'https://www.youtube.com/results?search_query=elektr+energiya+to%CA%BBlovi+Payme+Click',
		title: {
			en: 'Paying for electricity online',
			uz: 'Elektr energiyasi uchun onlayn toʻlash',
			'uz-Cyrl': 'Электр энергияси учун онлайн тўлаш',
			ru: 'Как оплатить электроэнергию онлайн'
		}
	}
];
