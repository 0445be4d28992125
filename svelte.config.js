import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// The same shell serves every URL, so asset paths must not be relative to it.
		paths: { relative: false },
		// Registered by hand in src/lib/client/pwa.ts so that the update prompt is ours.
		serviceWorker: { register: false },
		// Cross-site form posts are refused in hooks.server.ts (src/lib/server/http/csrf.ts), which
		// lets the payment operators' server-to-server callbacks through: Click posts forms with no
		// Origin, and SvelteKit's own check (turned off by '*') would answer it 403.
		csrf: { trustedOrigins: ['*'] },
		// Hashes, not nonces: the service worker serves one cached shell to every navigation, so
		// its policy must hold for the same bytes every time. No inline script but SvelteKit's own
		// boot script (hashed); inline styles stay allowed, since Svelte templates carry style
		// attributes. frame-ancestors only works as a header, which hooks.server.ts sends.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
