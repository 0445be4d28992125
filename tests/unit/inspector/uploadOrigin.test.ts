import { describe, expect, it } from 'vitest';
import { crossSiteUploadRefused } from '../../../src/lib/server/http/csrf';

const post = (origin: string | null) =>
	new Request('http://127.0.0.1:4204/api/uploads', {
		method: 'POST',
		headers: origin === null ? {} : { origin }
	});
// What SvelteKit's node adapter makes of the request's URL without ORIGIN: https, the Host header.
const seen = new URL('https://127.0.0.1:4204/api/uploads');

describe('photo uploads from another site', () => {
	it("the app's own page uploads, whatever scheme the adapter guessed", () => {
		expect(crossSiteUploadRefused(post('http://127.0.0.1:4204'), seen)).toBe(false);
	});

	it('another site, another port, or an opaque origin is refused', () => {
		expect(crossSiteUploadRefused(post('https://evil.example'), seen)).toBe(true);
		expect(crossSiteUploadRefused(post('http://127.0.0.1:4205'), seen)).toBe(true);
		expect(crossSiteUploadRefused(post('null'), seen)).toBe(true);
	});

	it('a request with no Origin is no browser’s and carries no victim’s cookie', () => {
		expect(crossSiteUploadRefused(post(null), seen)).toBe(false);
	});
});
