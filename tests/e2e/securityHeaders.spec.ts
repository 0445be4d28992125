import { createServer, type Server } from 'node:http';
import { expect, test, type Page } from '@playwright/test';
import { serviceWorkerControls, signIn } from './helpers/app';

// Issue 11, finding 4: the shell the service worker serves to every navigation carried no
// security header, so a page of another origin on the same site framed / and /payments and
// showed the signed-in balance. Every page, the shell and its cached copy must refuse framing.

// Same site as the app (127.0.0.1), another origin (the next port): what an attacker's page on a
// neighbouring port or subdomain would be. A real server, since Chromium refuses a page it cannot
// place on the local network (as one Playwright fulfils) a frame of a local address.
let evil: Server;
let evilOrigin = '';
test.beforeAll(async ({ baseURL }) => {
	const port = Number(new URL(baseURL!).port) + 1;
	evil = createServer((req, res) => {
		const src = new URL(req.url ?? '/', 'http://x').searchParams.get('src') ?? '';
		res.writeHead(200, { 'content-type': 'text/html' });
		res.end(
			`<!doctype html><title>evil</title><iframe id="f" src="${encodeURI(src)}" width="800" height="600"></iframe>`
		);
	});
	await new Promise<void>((resolve) => evil.listen(port, '127.0.0.1', resolve));
	evilOrigin = `http://127.0.0.1:${port}`;
});
test.afterAll(() => new Promise<void>((resolve) => evil.close(() => resolve())));

async function framedByAnotherOrigin(page: Page, src: string): Promise<boolean> {
	await page.goto(`${evilOrigin}/evil.html?src=${encodeURIComponent(src)}`);
	const frameElement = page.locator('#f');
	await expect(frameElement).toBeAttached();
	// A refused frame becomes Chromium's error page; an accepted one holds the document asked for.
	await expect
		.poll(
			() =>
				page
					.frames()
					.find((f) => f !== page.mainFrame())
					?.url() ?? '',
			{ timeout: 10_000 }
		)
		.not.toBe('');
	await page.waitForTimeout(500);
	const frame = page.frames().find((f) => f !== page.mainFrame())!;
	return !frame.url().startsWith('chrome-error:') && frame.url() !== 'about:blank';
}

test.describe('security headers', () => {
	test('pages, the shell and API answers carry them', async ({ request, baseURL }) => {
		for (const path of ['/', '/login', '/payments', '/shell']) {
			const res = await request.get(path);
			const h = res.headers();
			expect(h['x-frame-options'], path).toBe('DENY');
			expect(h['content-security-policy'], path).toContain("frame-ancestors 'none'");
			expect(h['content-security-policy'], path).not.toContain("unsafe-inline' 'sha");
			expect(h['content-security-policy'], path).toMatch(/script-src 'self' 'sha256-[^']+'(;|$)/);
			expect(h['x-content-type-options'], path).toBe('nosniff');
			expect(h['referrer-policy'], path).toBe('same-origin');
			expect(h['permissions-policy'], path).toContain('camera=(self)');
			expect(h['permissions-policy'], path).toContain('geolocation=(self)');
			// The tests run on 127.0.0.1, where HSTS would outlive the app on a developer's machine.
			expect(h['strict-transport-security'], path).toBeUndefined();
		}
		const api = await request.get('/api/trpc/tariffs.list');
		expect(api.headers()['cache-control']).toBe('no-store');
		expect(api.headers()['x-frame-options']).toBe('DENY');
		expect(baseURL).toContain('127.0.0.1');
	});

	test('the app boots under its Content-Security-Policy, with nothing refused', async ({
		page
	}) => {
		const violations: string[] = [];
		page.on('console', (m) => {
			if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
		});
		await signIn(page);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await page.goto('/payments');
		await page.goto('/consumption');
		await page.waitForLoadState('networkidle');
		expect(violations).toEqual([]);
	});

	test('another origin cannot frame the app, neither from the server nor from the service worker', async ({
		page,
		baseURL
	}) => {
		// The check itself: a static file (no frame refusal needed) does load in the frame.
		expect(await framedByAnotherOrigin(page, `${baseURL}/favicon.svg`)).toBe(true);
		// First load, from the server.
		expect(await framedByAnotherOrigin(page, `${baseURL}/`)).toBe(false);

		// Once the service worker holds the shell, navigations are answered from its cache.
		await signIn(page);
		await serviceWorkerControls(page);
		const cached = await page.evaluate(async () => {
			for (const name of await caches.keys()) {
				const cache = await caches.open(name);
				for (const req of await cache.keys())
					if (new URL(req.url).pathname === '/shell') {
						const res = (await cache.match(req))!;
						return {
							xfo: res.headers.get('x-frame-options'),
							csp: res.headers.get('content-security-policy')
						};
					}
			}
			return null;
		});
		expect(cached?.xfo).toBe('DENY');
		expect(cached?.csp).toContain("frame-ancestors 'none'");

		// The network would now let /payments be framed: if the frame is still refused, the
		// answer came from the service worker's cached shell, with its headers.
		let fromNetwork = 0;
		await page.context().route(`${baseURL}/payments`, (route) => {
			fromNetwork++;
			return route.fulfill({ contentType: 'text/html', body: '<p>unprotected</p>' });
		});
		expect(await framedByAnotherOrigin(page, `${baseURL}/payments`)).toBe(false);
		expect(fromNetwork).toBe(0);
	});
});
