import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';

// Svelte 5's published floor; old Android phones and iOS 14 must run what we ship.
export const BROWSER_FLOOR = ['chrome87', 'safari14', 'firefox83', 'edge87'];

export default defineConfig(({ isSsrBuild }) => ({
	// The server bundle runs on Node 20; only what browsers download needs the old floor.
	build: isSsrBuild
		? { target: 'node20' }
		: { target: BROWSER_FLOOR, cssTarget: BROWSER_FLOOR, sourcemap: !!process.env.TOK_SOURCEMAP },
	plugins: [
		sveltekit(),
		SvelteKitPWA({
			strategies: 'injectManifest',
			srcDir: 'src',
			filename: 'service-worker.ts',
			injectRegister: false,
			manifest: false,
			// The shell is rendered by the server (see routes/shell), so it is not among the build's
			// files; a new build's revision makes phones fetch the shell of that build.
			injectManifest: {
				additionalManifestEntries: [{ url: 'shell', revision: String(Date.now()) }]
			},
			devOptions: { enabled: false }
		})
	],
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts', 'tests/architecture/**/*.test.ts'],
					environment: 'node',
					// Property tests run thousands of cases; machines here differ 2× and share cores.
					testTimeout: 30_000
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					environment: 'node',
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			}
		]
	}
}));
