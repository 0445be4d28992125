import { HOTLINE, SMS_LETTER } from '../help';
import { smsSize } from './segments';

// What Tok answers by SMS, in Uzbek (Latin) with Russian, as HET's 2100 does. Cyrillic makes
// every reply UCS-2 (70 characters in one segment, 67 a part in two), so each is built to fit
// in at most two segments and tested to (tests/unit/smsReplies.test.ts).

export const SMS_MAX_SEGMENTS = 2;

/** "P", "p", " P " — the request for a login and password; anything else gets the help reply. */
export function isCredentialsRequest(text: string): boolean {
	return text.trim().toUpperCase() === SMS_LETTER;
}

export const NOT_REGISTERED_REPLY =
	`Bu raqam hech bir hisobga bogʻlanmagan. ${HOTLINE} ga qoʻngʻiroq qiling.\n` +
	`Номер не зарегистрирован. Звоните ${HOTLINE}.`;

export const HELP_REPLY =
	`Login va parol uchun ${SMS_LETTER} yuboring. Tel: ${HOTLINE}\n` +
	`Для логина и пароля отправьте ${SMS_LETTER}. Тел: ${HOTLINE}`;

export interface Credentials {
	login: string;
	password: string;
	/** The accounts the login covers, as registered to the phone the reply goes to. */
	accountNumbers: readonly string[];
}

const fits = (text: string) => smsSize(text).segments <= SMS_MAX_SEGMENTS;

function accountsLine(numbers: readonly string[], shown: number): string {
	if (numbers.length === 0) return '';
	const more = numbers.length - shown;
	return `\nHisob/Счёт: ${numbers.slice(0, shown).join(', ')}${more > 0 ? ` +${more}` : ''}`;
}

/**
 * `Login:` and `Parol:` lines, the same in Russian, then the account numbers. When they do not
 * fit two segments the last accounts are counted instead of listed ("+3"); a very long login
 * gets the labels paired on one line each.
 */
export function credentialsReply({ login, password, accountNumbers }: Credentials): string {
	const layouts = [
		`Login: ${login}\nParol: ${password}\nЛогин: ${login}\nПароль: ${password}`,
		`Login/Логин: ${login}\nParol/Пароль: ${password}`
	];
	for (const head of layouts)
		for (let shown = accountNumbers.length; shown >= Math.min(1, accountNumbers.length); shown--) {
			const text = head + accountsLine(accountNumbers, shown);
			if (fits(text)) return text;
		}
	return layouts[1];
}

/** The reply as operators may read it: the password blanked. */
export function redactPassword(text: string, password: string): string {
	return password ? text.split(password).join('••••••') : text;
}
