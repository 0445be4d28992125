import { describe, expect, it } from 'vitest';
import {
	accountLabel,
	hrefWithAccount,
	pathWithAccount,
	pickAccount
} from '../../src/lib/client/accounts/selection';
import { accountNickname } from '../../src/lib/domain/account';
import * as accountMessages from '../../src/lib/i18n/messages/accounts';
import * as help from '../../src/lib/i18n/messages/help';
import * as settings from '../../src/lib/i18n/messages/settings';
import { uz } from '../../src/lib/i18n/messages/uz';
import { uzCyrl } from '../../src/lib/i18n/messages/uzCyrl';
import { en } from '../../src/lib/i18n/messages/en';
import { catalogue as uzCatalogue } from '../../src/lib/i18n/catalogues/uz';

const anAccount = (id: number, number = `17260010${String(id).padStart(2, '0')}`) => ({
	id,
	number
});

describe('which account a page shows', () => {
	const linked = [anAccount(1), anAccount(2), anAccount(3)];

	it('the account in the address wins', () => {
		expect(pickAccount(linked, '2', 3)?.id).toBe(2);
	});
	it('without one, the account chosen last on this device', () => {
		expect(pickAccount(linked, null, 3)?.id).toBe(3);
	});
	it('an account that is not linked (or no longer) is never shown: the next choice is', () => {
		expect(pickAccount(linked, '99', 3)?.id).toBe(3);
		expect(pickAccount(linked, '99', 42)?.id).toBe(1);
		expect(pickAccount(linked, '2abc', null)?.id).toBe(1);
		expect(pickAccount(linked, '', null)?.id).toBe(1);
	});
	it('no accounts, no account', () => {
		expect(pickAccount([], '1', 1)).toBeNull();
	});
	it('switching keeps the page and its other parameters', () => {
		expect(hrefWithAccount(new URL('http://x/readings?month=2026-10&account=1'), 2)).toBe(
			'/readings?month=2026-10&account=2'
		);
		expect(pathWithAccount('/payments', 7)).toBe('/payments?account=7');
		expect(pathWithAccount('/payments', null)).toBe('/payments');
	});
});

describe("an account's name on this device", () => {
	it('is the nickname when there is one, else the number', () => {
		expect(accountLabel(anAccount(1), { 1: ' Dacha ' })).toEqual({
			name: 'Dacha',
			number: '1726001001',
			hasNickname: true
		});
		expect(accountLabel(anAccount(2), { 1: 'Dacha' }).name).toBe('1726001002');
		expect(accountLabel(anAccount(2), { 2: '   ' }).hasNickname).toBe(false);
	});
	it('is trimmed and at most 24 characters, refused with a message key', () => {
		expect(accountNickname.parse('  Uy  ')).toBe('Uy');
		const long = accountNickname.safeParse('x'.repeat(25));
		expect(long.success).toBe(false);
		expect(long.error?.issues[0].message).toBe('error.nickname_too_long');
	});
});

describe('messages of accounts, settings and help', () => {
	const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

	it('every key is in every language, non-empty, with the same placeholders', () => {
		for (const file of [accountMessages, settings, help])
			for (const [key, english] of Object.entries(file.en))
				for (const locale of ['uz', 'uzCyrl', 'ru'] as const) {
					const text = (file[locale] as Record<string, string>)[key];
					expect(text, `${locale} ${key}`).toBeTruthy();
					expect(placeholders(text), `${locale} ${key}`).toEqual(placeholders(english));
				}
	});

	it("Uzbek Latin writes oʻ and gʻ with ʻ (U+02BB) and the tutuq belgisi with ’ (U+2019), never ' or ʼ", () => {
		for (const [key, text] of Object.entries(uzCatalogue)) {
			expect(text, key).not.toMatch(/[og]['‘`’ʼ]/i);
			expect(text, key).not.toMatch(/['ʼ]/);
		}
	});

	it('Uzbek Cyrillic has every core message, in Cyrillic letters, with the same placeholders', () => {
		for (const key of Object.keys(en) as (keyof typeof en)[]) {
			expect(uzCyrl[key], key).toBeTruthy();
			expect(placeholders(uzCyrl[key]), key).toEqual(placeholders(uz[key]));
			// Latin letters only where they belong: Tok, SMS and the SMS command P.
			const latin = uzCyrl[key].replace(/\{\w+\}|\b(Tok|SMS|P)\b/g, '').match(/[A-Za-z]/g);
			expect(latin, key).toBeNull();
		}
	});

	it('Uzbek Cyrillic feature messages use no Latin letters beyond names and the SMS command', () => {
		const allowed = /\{\w+\}|\b(Tok|SMS|P|HET|Android|iPhone|Chrome|Safari)\b/g;
		for (const file of [accountMessages, settings, help])
			for (const [key, text] of Object.entries(file.uzCyrl))
				expect(text.replace(allowed, '').match(/[A-Za-z]/g), key).toBeNull();
	});
});
