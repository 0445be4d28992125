// The app shell, precached by the service worker and served for every navigation. With ssr off
// it holds no page content; the router renders the URL asked for. Rendered by the server (not
// prerendered) so that it passes through hooks.server.ts: the copy the service worker caches
// carries the same security headers (CSP, X-Frame-Options) as every other page.
export const prerender = false;
