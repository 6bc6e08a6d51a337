import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({
	invoke: vi.fn(),
	Channel: class<T> {
		constructor(public onmessage: (message: T) => void) {}
	}
}));

import { invoke } from '@tauri-apps/api/core';
import type { Person } from '$lib/bindings/Person';
import type { SheetImportReport } from '$lib/bindings/SheetImportReport';
import type { SheetPreview } from '$lib/bindings/SheetPreview';
import type { SheetUnresolvedValue } from '$lib/bindings/SheetUnresolvedValue';
import SheetImportDialog from './SheetImportDialog.svelte';

const invokeMock = vi.mocked(invoke);

const PREVIEW: SheetPreview = {
	format: 'csv',
	sheet: 'Risks',
	sheets: ['Risks'],
	detected: 'UTF-8, comma-separated',
	header_row: 1,
	sheet_rows: 4,
	columns: [
		{ index: 0, letter: 'A', header: 'Ref', field: 'reference' },
		{ index: 1, letter: 'B', header: 'Title', field: 'title' },
		{ index: 2, letter: 'C', header: 'Owner', field: 'owner' }
	],
	fields: [],
	missing: [],
	data_rows: 3,
	rows: []
};

const person = (id: number, name: string, email: string): Person => ({
	id,
	name,
	email,
	job_title: '',
	department: '',
	start_date: null,
	end_date: null,
	top_management: false,
	isms_owner: false
});

const PEOPLE = [person(1, 'Ann Smith', 'ann@example.com'), person(2, 'Bo Jones', 'bo@example.com')];

const HEAD_OF_SALES: SheetUnresolvedValue = {
	field: 'owner',
	value: 'Head of Sales',
	header: 'Owner',
	cells: ['Risks!C2', 'Risks!C4'],
	reason: 'Nobody in the vault is called “Head of Sales”.'
};

const REPORT: SheetImportReport = {
	kind: 'risks',
	rows: 3,
	created: 3,
	updated: 0,
	unchanged: 0,
	dry_run: true,
	backup: null,
	lines: [
		'Risks!2: create R-1 “Fire”',
		'Risks!3: create R-2 “Flood”',
		'Risks!4: create R-3 “Theft”'
	]
};

/** The shell: the first check fails on the unknown owner, the second (with values) passes. */
function shell() {
	let checks = 0;
	invokeMock.mockImplementation((command) => {
		switch (command) {
			case 'sheets_choose_file':
				return Promise.resolve({
					handle: 'h1',
					name: 'risks.csv',
					shown: '/tmp/risks.csv',
					bytes: 90
				});
			case 'sheets_preview':
				return Promise.resolve(PREVIEW);
			case 'sheets_unresolved':
				return Promise.resolve([HEAD_OF_SALES]);
			case 'people_list':
				return Promise.resolve(PEOPLE);
			case 'sheets_import':
				checks += 1;
				return checks === 1
					? Promise.reject({
							code: 'Validation',
							message: '1 problem in 2 rows; nothing was imported.',
							fields: [
								{
									field: 'Risks!C2',
									message:
										'Risks!C2, C4 (Owner): Nobody in the vault is called “Head of Sales” (2 rows).'
								}
							]
						})
					: Promise.resolve(REPORT);
			default:
				return Promise.resolve(null);
		}
	});
}

describe('SheetImportDialog, owners nobody in the vault is called', () => {
	beforeEach(() => invokeMock.mockReset());

	it('lists each unknown owner once with a person picker, and sends the choice as values', async () => {
		shell();
		render(SheetImportDialog, { props: { kind: 'risks', onclose: vi.fn() } });
		await fireEvent.click(screen.getByTestId('sheet-choose'));
		await screen.findByTestId('sheet-facts');
		await fireEvent.click(screen.getByTestId('sheet-check'));

		const owners = await screen.findAllByTestId('sheet-owner');
		expect(owners).toHaveLength(1);
		const owner = owners[0]!;
		expect(owner.textContent).toContain('“Head of Sales”');
		expect(owner.textContent).toContain('2 rows');
		expect(invokeMock).toHaveBeenCalledWith(
			'sheets_unresolved',
			expect.objectContaining({ file: 'h1', kind: 'risks', header_row: 1, values: {} })
		);

		const picker = screen.getByTestId('sheet-owner-person') as HTMLSelectElement;
		await waitFor(() => expect(picker.options.length).toBe(3));
		await fireEvent.change(picker, { target: { value: '1' } });
		await fireEvent.click(screen.getByTestId('sheet-check'));

		await screen.findAllByTestId('sheet-line');
		expect(invokeMock).toHaveBeenLastCalledWith(
			'sheets_import',
			expect.objectContaining({
				dry_run: true,
				values: { owner: { 'Head of Sales': 'ann@example.com' } }
			})
		);
		expect(picker.value).toBe('1');
	});
});
