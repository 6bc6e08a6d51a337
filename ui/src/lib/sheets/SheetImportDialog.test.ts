import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({
	invoke: vi.fn(),
	Channel: class<T> {
		constructor(public onmessage: (message: T) => void) {}
	}
}));

import { invoke } from '@tauri-apps/api/core';
import type { ImportProgress } from '$lib/bindings/ImportProgress';
import type { SheetImportReport } from '$lib/bindings/SheetImportReport';
import type { SheetPreview } from '$lib/bindings/SheetPreview';
import SheetImportDialog from './SheetImportDialog.svelte';
import { rowError } from './sheets';

const invokeMock = vi.mocked(invoke);

const REPORT: SheetImportReport = {
	kind: 'training',
	rows: 2,
	created: 2,
	updated: 0,
	unchanged: 0,
	dry_run: true,
	backup: null,
	lines: [
		'row 2: Anna Kowalska completed Security awareness on 2026-03-01',
		'row 3: Ben Okafor completed Security awareness on 2026-03-02'
	]
};

/** A form tool's CSV, its three columns found and mapped. */
const PREVIEW: SheetPreview = {
	format: 'csv',
	sheet: 'training',
	sheets: ['training'],
	detected: 'UTF-8, comma-separated',
	header_row: 1,
	sheet_rows: 3,
	columns: [
		{ index: 0, letter: 'A', header: 'email', field: 'email' },
		{ index: 1, letter: 'B', header: 'course', field: 'course' },
		{ index: 2, letter: 'C', header: 'date', field: 'date' }
	],
	fields: [],
	missing: [],
	data_rows: 2,
	rows: []
};

type Answer = unknown | ((args: unknown) => unknown);

/** The shell, mocked per command: the file dialog answers `path`, the preview the form tool's
 * CSV, and `sheets_import` answers each call with the next of `imports` (a value, a rejection
 * or a function of its arguments). */
function shell(path: string, imports: Answer[]) {
	invokeMock.mockImplementation((command, args) => {
		if (command === 'sheets_choose_file') return Promise.resolve(ref(path));
		if (command === 'sheets_preview') return Promise.resolve(PREVIEW);
		if (command === 'sheets_import') {
			const next = imports.shift();
			return Promise.resolve(typeof next === 'function' ? next(args) : next);
		}
		return Promise.resolve(null);
	});
}

const reject = (error: unknown) => () => Promise.reject(error);

/** An `sheets_import` that never settles until the test says so, with its channel. */
function pendingRun() {
	let settle!: { resolve: (r: SheetImportReport) => void; reject: (e: unknown) => void };
	let progress!: (p: ImportProgress) => void;
	shell('/tmp/big.csv', [
		(args: unknown) => {
			const channel = (args as { on_progress: { onmessage: (p: ImportProgress) => void } })
				.on_progress;
			progress = (p) => channel.onmessage(p);
			return new Promise((resolve, reject) => (settle = { resolve, reject }));
		}
	]);
	return { settle: () => settle, progress: (p: ImportProgress) => progress(p) };
}

function open(kind: 'training' | 'acknowledgements' = 'training') {
	const props = { kind, onclose: vi.fn(), onimported: vi.fn() };
	render(SheetImportDialog, { props });
	return props;
}

/** The shell's reference to a chosen file: a handle, never the path it shows. */
const ref = (path: string) => ({
	handle: `handle of ${path}`,
	name: path.split('/').pop()!,
	shown: path,
	bytes: 120
});

/** Chooses a file in the (mocked) native dialog, which previews it at once, then checks it. */
async function choose() {
	await fireEvent.click(screen.getByTestId('sheet-choose'));
	await screen.findByTestId('sheet-facts');
	await fireEvent.click(screen.getByTestId('sheet-check'));
}

describe('SheetImportDialog, for the rows a form tool exports', () => {
	beforeEach(() => {
		invokeMock.mockReset();
	});

	it('previews the rows of the chosen file by its handle, then imports them for real', async () => {
		const { onimported } = open('acknowledgements');
		expect(screen.queryByTestId('sheet-path')).toBeNull();
		shell('/tmp/acks.csv', [REPORT, { ...REPORT, dry_run: false }]);
		await choose();

		const lines = await screen.findAllByTestId('sheet-line');
		expect(lines.map((l) => l.textContent)).toEqual(REPORT.lines);
		expect(screen.getByTestId('sheet-checked').textContent).toContain('nothing has been written');
		expect(invokeMock).toHaveBeenCalledWith(
			'sheets_import',
			expect.objectContaining({
				kind: 'acknowledgements',
				file: 'handle of /tmp/acks.csv',
				dry_run: true
			})
		);

		const run = screen.getByTestId('sheet-import');
		expect(run.textContent).toContain('Import 2 rows');
		await fireEvent.click(run);
		await screen.findByTestId('sheet-done');
		expect(invokeMock).toHaveBeenLastCalledWith(
			'sheets_import',
			expect.objectContaining({ file: 'handle of /tmp/acks.csv', dry_run: false })
		);
		expect(onimported).toHaveBeenCalledOnce();
	});

	it('previews the file chosen in the native dialog at once', async () => {
		open();
		shell('/home/me/training.csv', [REPORT]);
		await choose();
		await screen.findAllByTestId('sheet-line');
		expect(invokeMock).toHaveBeenNthCalledWith(1, 'sheets_choose_file', undefined);
		expect((screen.getByTestId('sheet-file') as HTMLInputElement).value).toBe(
			'/home/me/training.csv'
		);
	});

	it('names the row and column of every bad row, and offers no import', async () => {
		open();
		shell('/tmp/bad.csv', [
			reject({
				code: 'Validation',
				message: '2 rows cannot be imported; nothing was written.',
				fields: [
					{ field: 'row 3.email', message: 'No person with the e-mail “nobody@x.example”.' },
					{ field: 'row 4.date', message: '“soon” is not a date like 2026-03-31.' }
				]
			})
		]);
		await choose();

		const panel = await screen.findByTestId('sheet-errors');
		expect(panel.textContent).toContain('nothing was written');
		const errors = screen.getAllByTestId('sheet-error').map((e) => e.textContent ?? '');
		expect(errors[0]).toContain('Row 3');
		expect(errors[0]).toContain('email');
		expect(errors[0]).toContain('nobody@x.example');
		expect(errors[1]).toContain('Row 4');
		expect(errors[1]).toContain('date');
		expect(screen.queryByTestId('sheet-import')).toBeNull();
		expect(screen.getByTestId('sheet-check').textContent).toContain('Check again');
	});

	it('shows progress while running, and Cancel asks the import to stop', async () => {
		open();
		const run = pendingRun();
		await choose();

		const box = await screen.findByTestId('sheet-progress');
		expect(box.textContent).toContain('Reading the file');
		run.progress({ phase: 'checking', done: 40, total: 160 });
		await waitFor(() => expect(box.textContent).toContain('Checked 40 of 160 rows'));
		const bar = screen.getByRole('progressbar');
		expect(bar.getAttribute('aria-valuenow')).toBe('25');
		expect(screen.queryByTestId('sheet-check')).toBeNull();

		await fireEvent.click(screen.getByTestId('sheet-cancel'));
		expect(invokeMock).toHaveBeenCalledWith('sheets_cancel', undefined);
		run.settle().reject({
			code: 'Cancelled',
			message: 'The import was cancelled; nothing was written.',
			fields: []
		});
		const cancelled = await screen.findByTestId('sheet-cancelled');
		expect(cancelled.textContent).toContain('Import cancelled; nothing was written.');
		expect(screen.queryByTestId('sheet-progress')).toBeNull();
	});

	it('cancels a running import when the dialog is closed', async () => {
		const { onclose } = open();
		pendingRun();
		await choose();
		await screen.findByTestId('sheet-progress');
		const dialog = screen.getByTestId('sheet-import-dialog') as HTMLDialogElement;
		dialog.dispatchEvent(new Event('close'));
		expect(onclose).toHaveBeenCalled();
		expect(invokeMock).toHaveBeenCalledWith('sheets_cancel', undefined);
	});
});

describe('rowError', () => {
	it('splits a row field into row and column', () => {
		expect(rowError('row 3.email')).toEqual({ row: 3, column: 'email' });
		expect(rowError('row 1')).toEqual({ row: 1, column: null });
		expect(rowError('path')).toEqual({ row: null, column: 'path' });
	});
});
