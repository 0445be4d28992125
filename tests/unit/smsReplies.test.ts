import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { smsSize } from '../../src/lib/domain/sms/segments';
import {
	credentialsReply,
	HELP_REPLY,
	isCredentialsRequest,
	NOT_REGISTERED_REPLY,
	redactPassword,
	SMS_MAX_SEGMENTS
} from '../../src/lib/domain/sms/replies';
import { normalizePhone, looksLikePhone } from '../../src/lib/domain/phone';
import { generatePassword } from '../../src/lib/server/auth/generatedPassword';

describe('SMS segments', () => {
	it('GSM-7 text: 160 in one segment, then 153 a part; the extension table counts twice', () => {
		expect(smsSize('a'.repeat(160))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
		expect(smsSize('a'.repeat(161)).segments).toBe(2);
		expect(smsSize('a'.repeat(306)).segments).toBe(2);
		expect(smsSize('a'.repeat(307)).segments).toBe(3);
		expect(smsSize('€'.repeat(80))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
		expect(smsSize('Login: demo\nParol: k7mx4pqa9t').encoding).toBe('gsm7');
	});

	it('Cyrillic (or the Uzbek ʻ) forces UCS-2: 70 in one segment, then 67 a part', () => {
		expect(smsSize('Ж'.repeat(70))).toEqual({ encoding: 'ucs2', units: 70, segments: 1 });
		expect(smsSize('Ж'.repeat(71)).segments).toBe(2);
		expect(smsSize('a'.repeat(133) + 'Ж').segments).toBe(2);
		expect(smsSize('a'.repeat(134) + 'Ж').segments).toBe(3);
		expect(smsSize('qoʻngʻiroq').encoding).toBe('ucs2');
	});
});

describe('replies', () => {
	it('the demo reply: Login/Parol and Логин/Пароль lines, then the accounts, in two segments at most', () => {
		const text = credentialsReply({
			login: 'demo',
			password: 'k7mx4pqa9t',
			accountNumbers: ['1726001001', '1726001002']
		});
		expect(text).toBe(
			'Login: demo\nParol: k7mx4pqa9t\nЛогин: demo\nПароль: k7mx4pqa9t\nHisob/Счёт: 1726001001, 1726001002'
		);
		expect(smsSize(text)).toMatchObject({ encoding: 'ucs2', segments: 2 });
	});

	it('any login up to 64 characters and any number of accounts fits two segments, and keeps login and password', () => {
		fc.assert(
			fc.property(
				fc.stringMatching(/^[a-z0-9.-]{1,64}$/),
				fc.array(fc.stringMatching(/^\d{10}$/), { maxLength: 40 }),
				(login, accountNumbers) => {
					const password = generatePassword();
					const text = credentialsReply({ login, password, accountNumbers });
					expect(smsSize(text).segments).toBeLessThanOrEqual(SMS_MAX_SEGMENTS);
					expect(text).toContain(login);
					expect(text).toContain(password);
					if (accountNumbers.length > 0) expect(text).toContain(accountNumbers[0]);
					const shown = accountNumbers.filter((n) => text.includes(n)).length;
					if (shown < accountNumbers.length)
						expect(text).toContain(`+${accountNumbers.length - shown}`);
				}
			)
		);
	});

	it('many accounts: the first listed, the rest counted', () => {
		const accountNumbers = Array.from(
			{ length: 9 },
			(_, i) => `17260010${String(i).padStart(2, '0')}`
		);
		const text = credentialsReply({ login: '1726001000', password: 'abcdefgh23', accountNumbers });
		expect(smsSize(text).segments).toBe(2);
		expect(text).toMatch(/^Login: 1726001000$/m);
		expect(text).toMatch(/ \+\d$/);
	});

	it('the not-registered and help replies name the hotline and fit two segments', () => {
		for (const text of [NOT_REGISTERED_REPLY, HELP_REPLY]) {
			expect(smsSize(text).segments).toBeLessThanOrEqual(2);
			expect(text).toContain('1154');
		}
		expect(HELP_REPLY).toContain('P');
	});

	it('"P" in any case with spaces asks for credentials; nothing else does', () => {
		for (const text of ['P', 'p', ' P ', '\tp\n']) expect(isCredentialsRequest(text)).toBe(true);
		for (const text of ['', 'PP', 'P1', 'Р' /* Cyrillic Er */, 'parol', 'P P'])
			expect(isCredentialsRequest(text)).toBe(false);
	});

	it('the log copy has the password blanked', () => {
		expect(redactPassword('Parol: abc\nПароль: abc', 'abc')).toBe('Parol: ••••••\nПароль: ••••••');
	});
});

describe('phones and generated passwords', () => {
	it('a phone typed or sent any usual way becomes +998…; logins and junk do not', () => {
		for (const input of [
			'+998901234567',
			'998901234567',
			'+998 90 123-45-67',
			'90 123 45 67',
			'(90) 1234567'
		])
			expect(normalizePhone(input)).toBe('+998901234567');
		expect(normalizePhone('+447911123456')).toBe('+447911123456');
		for (const input of ['demo', '1726001001', '', '+99890123', 'P'])
			expect(normalizePhone(input)).toBeNull();
		expect(looksLikePhone('1726001001')).toBe(false);
		expect(looksLikePhone('+998 90 123 45 67')).toBe(true);
	});

	it('generated passwords: 10 characters a phone shows plainly, letters and digits, never repeated', () => {
		const seen = new Set<string>();
		for (let i = 0; i < 2000; i++) {
			const password = generatePassword();
			expect(password).toMatch(/^[a-hjkmnp-z2-9]{10}$/);
			expect(password).toMatch(/\d/);
			expect(password).toMatch(/[a-z]/);
			seen.add(password);
		}
		expect(seen.size).toBe(2000);
	});
});
