/**
 * SvelteKit's cross-site form check, kept for every path but the operators' callbacks.
 * SvelteKit refuses a form-encoded POST whose Origin is not the app's, before any hook runs;
 * Click (and UPay, when it sends form fields) post from their servers with no Origin at all. Those
 * endpoints read no cookie and trust only the operator's signature, so a forged cross-site form
 * can do nothing there; everywhere else the same refusal as SvelteKit's applies (svelte.config.js
 * turns SvelteKit's own check off so that this one can make the exception).
 */

const OPERATOR_CALLBACKS = /^\/api\/payments\/(click|upay)\//;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const FORM_TYPES = [
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'text/plain',
	'application/x-sveltekit-formdata'
];

function isFormContentType(request: Request): boolean {
	const type = (request.headers.get('content-type') ?? '').split(';', 1)[0].trim().toLowerCase();
	return FORM_TYPES.includes(type);
}

/** Whether the request is a cross-site form submission to refuse (403), as SvelteKit would. */
export function crossSiteFormRefused(request: Request, url: URL): boolean {
	if (!UNSAFE.has(request.method) || !isFormContentType(request)) return false;
	if (request.headers.get('origin') === url.origin) return false;
	return !OPERATOR_CALLBACKS.test(url.pathname);
}

const UPLOADS = /^\/api\/uploads(\/|$)/;

/**
 * Whether a photo upload comes from another site (403). Its bodies are not forms, so the check
 * above lets them through; but the session cookie would ride along on a same-site request from
 * a neighbouring origin, and a browser names the origin on every POST and PATCH, the app's own
 * included. A request with no Origin is no browser's, and so carries no victim's cookie.
 */
export function crossSiteUploadRefused(request: Request, url: URL): boolean {
	if (!UNSAFE.has(request.method) || !UPLOADS.test(url.pathname)) return false;
	const origin = request.headers.get('origin');
	if (origin === null) return false;
	// The host (with its port) names the site: without ORIGIN (npm start, the e2e server) the node
	// adapter guesses https for url.origin, and the app's own http page would be refused.
	return hostOf(origin) !== url.host;
}

function hostOf(origin: string): string | null {
	try {
		return new URL(origin).host;
	} catch {
		return null;
	}
}
