// Type tests of the command map, checked by svelte-check (`npm run check`) and never run: each
// line below must fail to type-check, and `@ts-expect-error` fails the check if it does not.
// So a misspelled command, a missing or mistyped argument, a camelCase key or a wrongly typed
// result in a wrapper cannot pass `npm run check`.

import { call } from '$lib/ipc';

export function misuses() {
	// @ts-expect-error: no command is called `people_lst`
	void call('people_lst');
	// @ts-expect-error: a person's id is a number
	void call('people_delete', { id: '7' });
	// @ts-expect-error: `people_delete` needs its id
	void call('people_delete');
	// @ts-expect-error: argument keys are snake_case, as the commands declare them
	void call('readiness_view', { asOf: '2026-06-15' });
	void call('sheets_import', {
		file: 'h',
		kind: 'training',
		sheet: null,
		header_row: 1,
		columns: [],
		dry_run: true,
		// @ts-expect-error: `sheets_import` streams its progress over a channel, not a callback
		on_progress: () => {}
	});
	// @ts-expect-error: `people_list` answers people, not a string
	const wrong: Promise<string> = call('people_list');
	return wrong;
}

export function uses() {
	// The same calls, right: these must type-check.
	void call('people_list');
	void call('people_delete', { id: 7 });
	void call('readiness_view', { as_of: '2026-06-15' });
	const people: Promise<Array<{ name: string }>> = call('people_list');
	return people;
}
