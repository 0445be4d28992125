import { describe, expect, it } from 'vitest';
import { setLocale } from '../../src/lib/i18n/index.svelte';
import { requestStepNote, visitDateNote } from '../../src/lib/i18n/requestStep';

describe("a step of a request's history, as the resident reads it", () => {
	it('a scheduled visit shows its date in the reader’s language, not as 2026-12-03', async () => {
		const step = { status: 'scheduled', reason: '2026-12-03' };
		await setLocale('en');
		expect(requestStepNote(step)).toBe('The visit: 3 Dec 2026');
		await setLocale('ru');
		expect(requestStepNote(step)).toBe('Дата визита: 3 декабря 2026');
		expect(visitDateNote(step)).toBe('Дата визита: 3 декабря 2026');
		// Only a scheduled step's reason is a visit date.
		expect(visitDateNote({ status: 'rejected', reason: '2026-12-03' })).toBeNull();
	});
	it("an operator's reason stays their words; a message key becomes its message", async () => {
		await setLocale('en');
		expect(requestStepNote({ status: 'rejected', reason: 'Meter is outside the district' })).toBe(
			'Meter is outside the district'
		);
		expect(requestStepNote({ status: 'submitted', reason: null })).toBe('');
		expect(requestStepNote({ status: 'rejected', reason: 'error.forbidden' })).toBe(
			'This is not available to your sign-in.'
		);
	});
});
