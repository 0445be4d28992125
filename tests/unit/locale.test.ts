import { describe, expect, it } from 'vitest';
import { pickLocale } from '../../src/lib/i18n/locale';
import { en } from '../../src/lib/i18n/messages/en';
import { ru } from '../../src/lib/i18n/messages/ru';
import { uz } from '../../src/lib/i18n/messages/uz';

describe('choosing the language', () => {
	it('a stored choice wins over the browser', () => {
		expect(pickLocale('ru', ['en-US'])).toBe('ru');
	});
	it("without a choice, the browser's first language we speak is used", () => {
		expect(pickLocale(null, ['de-DE', 'ru-RU', 'en'])).toBe('ru');
		expect(pickLocale(null, ['en-GB'])).toBe('en');
		expect(pickLocale(null, ['uz-Latn-UZ'])).toBe('uz');
		expect(pickLocale(null, ['uz-Cyrl-UZ', 'ru'])).toBe('uz-Cyrl');
	});
	it('Uzbek (Latin) is the default when nothing matches, and junk is ignored', () => {
		expect(pickLocale(null, [])).toBe('uz');
		expect(pickLocale('klingon', ['fr'])).toBe('uz');
	});
});

describe('messages', () => {
	it('every message exists, non-empty, in Uzbek, Russian and English with the same placeholders', () => {
		const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
		for (const key of Object.keys(en) as (keyof typeof en)[]) {
			for (const catalogue of [uz, ru]) {
				expect(catalogue[key], key).toBeTruthy();
				expect(placeholders(catalogue[key]), key).toEqual(placeholders(en[key]));
			}
		}
	});
	it('the sign-in form is named Login, Password and Sign in in English', () => {
		expect([en['login.login'], en['login.password'], en['login.submit']]).toEqual([
			'Login',
			'Password',
			'Sign in'
		]);
	});
});
