// Headers every response of Tok's server carries (hooks.server.ts), the shell included, so that
// the copy of the shell the service worker caches carries them too. The Content-Security-Policy
// itself comes from SvelteKit (kit.csp in svelte.config.js, with the hash of its boot script).

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export const PERMISSIONS_POLICY =
	'camera=(self), geolocation=(self), microphone=(), payment=(), usb=(), interest-cohort=()';

/** Sets the security headers on `headers` for a response to a request for `url`. */
export function setSecurityHeaders(headers: Headers, url: URL): void {
	headers.set('X-Content-Type-Options', 'nosniff');
	headers.set('Referrer-Policy', 'same-origin');
	headers.set('X-Frame-Options', 'DENY');
	headers.set('Permissions-Policy', PERMISSIONS_POLICY);
	// A JSON answer or an error page has no policy from SvelteKit: it may still never be framed.
	if (!headers.has('Content-Security-Policy'))
		headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
	// Over plain HTTP a browser ignores HSTS, and on a developer's machine it would outlive the app.
	if (!LOCAL_HOSTS.has(url.hostname))
		headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	// Balances, readings and sessions: no cache between the server and the phone may keep them.
	// A photo (named by its hash, so never changing) may stay in the asker's own browser cache:
	// its endpoint says `private`, which no shared cache keeps.
	if (url.pathname.startsWith('/api/') && !/^private\b/.test(headers.get('Cache-Control') ?? ''))
		headers.set('Cache-Control', 'no-store');
}
