// The ISO/IEC 27001:2022 reference lists (Annex A controls, clauses, mandatory documented
// information). Part of the build, not of a vault: they answer even while locked.

import type { Control } from '$lib/bindings/Control';
import { call } from '$lib/ipc';

export const referenceLists = () => call('reference_lists');

/** "8.24 Use of cryptography": how a control is named in pickers and lists. */
export const controlLabel = (control: Control) => `${control.id} ${control.title}`;

/** The four themes of Annex A, in the standard's order (5, 6, 7, 8). */
export const THEMES = ['Organizational', 'People', 'Physical', 'Technological'] as const;

/** Controls grouped by theme, in the standard's order within each. */
export function byTheme<T extends { theme: string }>(
	items: ReadonlyArray<T>
): Array<{ theme: string; items: T[] }> {
	const groups = new Map<string, T[]>();
	for (const theme of THEMES) groups.set(theme, []);
	for (const item of items) {
		const group = groups.get(item.theme);
		if (group) group.push(item);
		else groups.set(item.theme, [item]);
	}
	return [...groups]
		.filter(([, list]) => list.length > 0)
		.map(([theme, list]) => ({ theme, items: list }));
}
