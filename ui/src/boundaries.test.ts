// @vitest-environment node
// The import boundary of eslint.config.js fires: a domain folder importing another domain is
// an error, its own folder, the kit, ipc, bindings and the shared folders are not.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// ui/ as a file path (on Windows, without the slash a URL puts before the drive letter).
const ui = decodeURIComponent(new URL('..', import.meta.url).pathname).replace(/^\/(\w:)/, '$1');
let eslint: ESLint;

/** The boundary errors ESLint reports for `code` as if it were the file at `path` (under ui/). */
async function boundaryErrors(path: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath: `${ui}${path}` });
	return (result?.messages ?? [])
		.filter((m) => m.ruleId === 'no-restricted-imports')
		.map((m) => m.message);
}

describe('the import boundary between UI folders', () => {
	beforeAll(() => {
		eslint = new ESLint({ cwd: ui });
	});

	it('refuses a domain importing another domain', async () => {
		const errors = await boundaryErrors(
			'src/lib/tracker/x.ts',
			"import { risksList } from '$lib/risks/api';\nexport const f = risksList;\n"
		);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toContain('lib/tracker may import only');
	});

	it('refuses a relative path out of the folder, and checks Svelte files too', async () => {
		expect(
			await boundaryErrors(
				'src/lib/tracker/x.ts',
				"import { risksList } from '../risks/api';\nexport const f = risksList;\n"
			)
		).toHaveLength(1);
		expect(
			await boundaryErrors(
				'src/lib/tracker/X.svelte',
				'<script lang="ts">\n\timport HeatMap from \'$lib/risks/HeatMap.svelte\';\n</script>\n\n<HeatMap />\n'
			)
		).toHaveLength(1);
	});

	it('allows the kit, ipc, bindings, the shared folders and the folder itself', async () => {
		const code = [
			"import { Button } from '$lib/components/ui';",
			"import { call } from '$lib/ipc';",
			"import type { Risk } from '$lib/bindings/Risk';",
			"import { formatDate } from '$lib/app/format';",
			"import { KIND_OPTIONS } from '$lib/tracker/item';",
			"import { trackerList } from './api';",
			'export const all: unknown[] = [Button, call, formatDate, KIND_OPTIONS, trackerList];',
			'export type R = Risk;',
			''
		].join('\n');
		expect(await boundaryErrors('src/lib/tracker/x.ts', code)).toEqual([]);
	});

	it('refuses the kit importing a domain', async () => {
		const errors = await boundaryErrors(
			'src/lib/components/ui/x.ts',
			"import { isActive } from '$lib/people/person';\nexport const f = isActive;\n"
		);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toContain('The kit (lib/components) imports no domain');
	});

	it('allows a listed exception only to the domain it is listed for', async () => {
		const code = "import { auditsList } from '$lib/audits/api';\nexport const o = auditsList;\n";
		expect(await boundaryErrors('src/lib/tracker/x.ts', code)).toEqual([]);
		expect(await boundaryErrors('src/lib/risks/x.ts', code)).toHaveLength(1);
	});
});
