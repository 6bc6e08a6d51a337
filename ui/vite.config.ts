import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

// Tauri expects a fixed dev port (tauri.conf.json devUrl) and must see failures, not a new port.
export default defineConfig({
	plugins: [sveltekit(), svelteTesting()],
	clearScreen: false,
	server: {
		port: 1420,
		strictPort: true,
		watch: { ignored: ['**/src-tauri/**'] },
		// Unit tests read the core's reference CSVs (lib/testing/reference.ts); nothing else of
		// the repository outside ui/ is served.
		fs: { allow: ['.', '../src-tauri/crates/isms-core/reference'] }
	},
	build: {
		// The Tauri webviews are recent (WebView2, WKWebView, WebKitGTK).
		target: 'es2022'
	},
	test: {
		environment: 'jsdom',
		include: ['src/**/*.test.ts'],
		restoreMocks: true
	}
});
