// ESLint for the UI: JavaScript, TypeScript and Svelte 5, with prettier owning the layout, and
// the import boundary between folders of src/lib (eslint.boundaries.js). `npm run lint` runs it
// after prettier's check.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';
import { KIT_PATTERNS, SHARED, boundaryPatterns } from './eslint.boundaries.js';

const domains = readdirSync(new URL('./src/lib', import.meta.url), { withFileTypes: true })
	.filter((d) => d.isDirectory() && !SHARED.includes(d.name))
	.map((d) => d.name);

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'src/lib/bindings/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	// Turns off the style rules prettier owns (it must come after the configs that set them).
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: globals.browser }
	},
	{
		// Build scripts and configuration run in Node.
		files: ['*.js', '*.ts', 'scripts/**'],
		languageOptions: { globals: globals.node }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: false,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			// The app is a static SPA served at the root of the webview: it sets no `paths.base`,
			// so every literal route is already what resolve() would return. Wrapping ~60 hrefs
			// and goto() calls would change nothing the user sees.
			'svelte/no-navigation-without-resolve': 'off',
			// `_`-prefixed names are unused on purpose (a required parameter, a skipped element).
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }
			]
		}
	},
	{
		files: ['src/lib/components/**/*.{js,ts,svelte}'],
		rules: { 'no-restricted-imports': ['error', { patterns: KIT_PATTERNS }] }
	},
	...domains.map((domain) => ({
		files: [`src/lib/${domain}/**/*.{js,ts,svelte}`],
		rules: { 'no-restricted-imports': ['error', { patterns: boundaryPatterns(domain) }] }
	}))
);
