import { afterEach, describe, expect, it } from 'vitest';
import { i18n, setLocale, tPlural } from '../../../src/lib/i18n/index.svelte';

const before = i18n.locale;
afterEach(async () => {
	await setLocale(before);
});

describe('"changes waiting to send", in each language', () => {
	it('English says change or changes', async () => {
		await setLocale('en');
		expect(tPlural('sync.pending', 1)).toBe('1 change waiting to send');
		expect(tPlural('sync.pending', 3)).toBe('3 changes waiting to send');
	});

	it('Russian uses all three forms', async () => {
		await setLocale('ru');
		expect(tPlural('sync.pending', 1)).toBe('1 изменение ждёт отправки');
		expect(tPlural('sync.pending', 3)).toBe('3 изменения ждут отправки');
		expect(tPlural('sync.pending', 5)).toBe('5 изменений ждут отправки');
		expect(tPlural('sync.pending', 21)).toBe('21 изменение ждёт отправки');
	});

	it('Uzbek needs no plural after a number', async () => {
		await setLocale('uz');
		expect(tPlural('sync.pending', 1)).toBe('1 ta oʻzgarish yuborilishini kutmoqda');
		expect(tPlural('sync.pending', 7)).toBe('7 ta oʻzgarish yuborilishini kutmoqda');
	});
});
