import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// The same prerendered shell serves every URL, so asset paths must not be relative to it.
		paths: { relative: false },
		// Registered by hand in src/lib/client/pwa.ts so that the update prompt is ours.
		serviceWorker: { register: false }
	}
};

export default config;
