// How many SMS segments a text takes, as the network bills it (3GPP TS 23.038 / 23.040): a text
// that fits the GSM 7-bit alphabet goes 160 characters in one segment or 153 a part when
// concatenated; anything else (Cyrillic, the Uzbek ʻ) goes UCS-2, 70 in one or 67 a part.

const GSM_BASIC =
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡' +
	'ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Characters of the extension table: an escape and the character, two septets each. */
const GSM_EXTENDED = '^{}\\[~]|€\f';

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsSize {
	encoding: SmsEncoding;
	/** Septets (GSM-7) or UTF-16 code units (UCS-2). */
	units: number;
	segments: number;
}

export function smsSize(text: string): SmsSize {
	let septets = 0;
	for (const ch of text) {
		if (GSM_BASIC.includes(ch)) septets += 1;
		else if (GSM_EXTENDED.includes(ch)) septets += 2;
		else {
			const units = text.length;
			return { encoding: 'ucs2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
		}
	}
	return {
		encoding: 'gsm7',
		units: septets,
		segments: septets <= 160 ? 1 : Math.ceil(septets / 153)
	};
}
