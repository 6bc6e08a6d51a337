import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		runes: true
	},
	kit: {
		// A pure SPA: Tauri serves `build/` and every route falls back to index.html.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', strict: true }),
		// SvelteKit boots from one inline <script>. Under the app's strict CSP (no inline scripts)
		// that script must be allowed by hash: kit writes a <meta> CSP with its sha256. Only
		// script-src is declared here so this policy never narrows what tauri.conf.json allows
		// elsewhere (connect-src for ipc:, style-src for inline styles).
		csp: {
			mode: 'hash',
			directives: {
				'script-src': ['self']
			}
		}
	}
};

export default config;
