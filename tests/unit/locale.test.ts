import { describe, expect, it } from 'vitest';
import { pickLocale } from '../../src/lib/i18n/locale';
import { catalogue as en } from '../../src/lib/i18n/catalogues/en';
import { catalogue as ru } from '../../src/lib/i18n/catalogues/ru';
import { catalogue as uz } from '../../src/lib/i18n/catalogues/uz';
import { catalogue as uzCyrl } from '../../src/lib/i18n/catalogues/uzCyrl';
import { failedModuleUrl, i18n, isMessageKey, setLocale, t } from '../../src/lib/i18n/index.svelte';

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
	it('every message exists, non-empty, in each language with the same placeholders, and no other', () => {
		const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
		for (const catalogue of [uz, uzCyrl, ru]) {
			expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
			for (const key of Object.keys(en) as (keyof typeof en)[]) {
				expect(catalogue[key], key).toBeTruthy();
				expect(placeholders(catalogue[key]), key).toEqual(placeholders(en[key]));
			}
		}
	});
	it('switching language loads that language and only then shows it', async () => {
		await setLocale('ru');
		expect(i18n.locale).toBe('ru');
		expect(t('login.submit')).toBe(ru['login.submit']);
		const switching = setLocale('uz-Cyrl');
		expect(i18n.locale).toBe('ru');
		await switching;
		expect(t('login.submit')).toBe(uzCyrl['login.submit']);
		expect(isMessageKey('login.submit')).toBe(true);
		expect(isMessageKey('no.such.key')).toBe(false);
		await setLocale('en');
		expect(t('login.submit')).toBe('Sign in');
	});
	it('the sign-in form is named Login, Password and Sign in in English', () => {
		expect([en['login.login'], en['login.password'], en['login.submit']]).toEqual([
			'Login',
			'Password',
			'Sign in'
		]);
	});
});

describe('retrying a language chunk that failed to arrive', () => {
	it("takes the module's URL from each browser's message, without a query, so a retry can fetch it anew", () => {
		expect(
			failedModuleUrl(
				new TypeError(
					'Failed to fetch dynamically imported module: http://127.0.0.1:3000/_app/immutable/chunks/en.B1x.js'
				)
			)
		).toBe('http://127.0.0.1:3000/_app/immutable/chunks/en.B1x.js');
		expect(
			failedModuleUrl(
				new TypeError(
					'error loading dynamically imported module: https://tok.uz/_app/c/ru.js?retry=1'
				)
			)
		).toBe('https://tok.uz/_app/c/ru.js');
	});
	it('a message that names no URL (Safari) leaves the plain import to be tried again', () => {
		expect(failedModuleUrl(new TypeError('Importing a module script failed.'))).toBeUndefined();
	});
});
