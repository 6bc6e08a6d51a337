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
import type { ImportReport } from '$lib/bindings/ImportReport';
import ImportDialog from './ImportDialog.svelte';
import { rowError } from './import';

const invokeMock = vi.mocked(invoke);

const REPORT: ImportReport = {
	rows: 2,
	created: 2,
	skipped: 0,
	dry_run: true,
	lines: [
		'row 2: Anna Kowalska completed Security awareness on 2026-03-01',
		'row 3: Ben Okafor completed Security awareness on 2026-03-02'
	]
};

/** An `imports_run` that never settles until the test says so, with its channel. */
function pendingRun() {
	let settle!: { resolve: (r: ImportReport) => void; reject: (e: unknown) => void };
	let progress!: (p: ImportProgress) => void;
	invokeMock.mockImplementation((command, args) => {
		if (command === 'imports_choose_file') return Promise.resolve(ref('/tmp/big.csv'));
		if (command === 'imports_run') {
			const channel = (args as { on_progress: { onmessage: (p: ImportProgress) => void } })
				.on_progress;
			progress = (p) => channel.onmessage(p);
			return new Promise((resolve, reject) => (settle = { resolve, reject }));
		}
		return Promise.resolve(null);
	});
	return { settle: () => settle, progress: (p: ImportProgress) => progress(p) };
}

function open(kind: 'training' | 'acknowledgements' = 'training') {
	const props = { kind, onclose: vi.fn(), onimported: vi.fn() };
	render(ImportDialog, { props });
	return props;
}

/** The shell's reference to a chosen file: a handle, never the path it shows. */
const ref = (path: string) => ({
	handle: `handle of ${path}`,
	name: path.split('/').pop()!,
	shown: path,
	bytes: 120
});

/** Chooses a file in the (mocked) native dialog, which checks it at once. */
const choose = () => fireEvent.click(screen.getByTestId('import-choose'));

describe('ImportDialog', () => {
	beforeEach(() => {
		invokeMock.mockReset();
	});

	it('previews the rows of the chosen file by its handle, then imports them for real', async () => {
		const { onimported } = open('acknowledgements');
		expect(screen.queryByTestId('import-path')).toBeNull();
		invokeMock.mockResolvedValueOnce(ref('/tmp/acks.csv')).mockResolvedValueOnce(REPORT);
		await choose();

		const lines = await screen.findAllByTestId('import-line');
		expect(lines.map((l) => l.textContent)).toEqual(REPORT.lines);
		expect(screen.getByTestId('import-preview').textContent).toContain('nothing has been written');
		expect(invokeMock).toHaveBeenCalledWith(
			'imports_run',
			expect.objectContaining({
				kind: 'acknowledgements',
				file: 'handle of /tmp/acks.csv',
				dry_run: true
			})
		);

		invokeMock.mockResolvedValueOnce({ ...REPORT, dry_run: false });
		const run = screen.getByTestId('import-run');
		expect(run.textContent).toContain('Import 2 rows');
		await fireEvent.click(run);
		await screen.findByTestId('import-done');
		expect(invokeMock).toHaveBeenLastCalledWith(
			'imports_run',
			expect.objectContaining({ file: 'handle of /tmp/acks.csv', dry_run: false })
		);
		expect(onimported).toHaveBeenCalledOnce();
	});

	it('previews the file chosen in the native dialog at once', async () => {
		open();
		invokeMock.mockResolvedValueOnce(ref('/home/me/training.csv')).mockResolvedValueOnce(REPORT);
		await choose();
		await screen.findAllByTestId('import-line');
		expect(invokeMock).toHaveBeenNthCalledWith(1, 'imports_choose_file', undefined);
		expect((screen.getByTestId('import-file') as HTMLInputElement).value).toBe(
			'/home/me/training.csv'
		);
	});

	it('names the row and column of every bad row, and offers no import', async () => {
		open();
		invokeMock.mockResolvedValueOnce(ref('/tmp/bad.csv')).mockRejectedValueOnce({
			code: 'Validation',
			message: '2 rows cannot be imported; nothing was written.',
			fields: [
				{ field: 'row 3.email', message: 'No person with the e-mail “nobody@x.example”.' },
				{ field: 'row 4.date', message: '“soon” is not a date like 2026-03-31.' }
			]
		});
		await choose();

		const panel = await screen.findByTestId('import-errors');
		expect(panel.textContent).toContain('nothing was written');
		const errors = screen.getAllByTestId('import-error').map((e) => e.textContent ?? '');
		expect(errors[0]).toContain('Row 3');
		expect(errors[0]).toContain('email');
		expect(errors[0]).toContain('nobody@x.example');
		expect(errors[1]).toContain('Row 4');
		expect(errors[1]).toContain('date');
		expect(screen.queryByTestId('import-run')).toBeNull();
		expect(screen.getByTestId('import-check').textContent).toContain('Check again');
	});

	it('shows progress while running, and Cancel asks the import to stop', async () => {
		open();
		const run = pendingRun();
		await choose();

		const box = await screen.findByTestId('import-progress');
		expect(box.textContent).toContain('Reading the file');
		run.progress({ phase: 'checking', done: 40, total: 160 });
		await waitFor(() => expect(box.textContent).toContain('Checked 40 of 160 rows'));
		const bar = screen.getByRole('progressbar');
		expect(bar.getAttribute('aria-valuenow')).toBe('25');
		expect(screen.queryByTestId('import-check')).toBeNull();

		await fireEvent.click(screen.getByTestId('import-cancel'));
		expect(invokeMock).toHaveBeenCalledWith('imports_cancel', undefined);
		run.settle().reject({
			code: 'Cancelled',
			message: 'The import was cancelled; nothing was written.',
			fields: []
		});
		const cancelled = await screen.findByTestId('import-cancelled');
		expect(cancelled.textContent).toContain('Import cancelled; nothing was written.');
		expect(screen.queryByTestId('import-progress')).toBeNull();
	});

	it('cancels a running import when the dialog is closed', async () => {
		const { onclose } = open();
		pendingRun();
		await choose();
		await screen.findByTestId('import-progress');
		const dialog = screen.getByTestId('import-dialog') as HTMLDialogElement;
		dialog.dispatchEvent(new Event('close'));
		expect(onclose).toHaveBeenCalled();
		expect(invokeMock).toHaveBeenCalledWith('imports_cancel', undefined);
	});
});

describe('rowError', () => {
	it('splits a row field into row and column', () => {
		expect(rowError('row 3.email')).toEqual({ row: 3, column: 'email' });
		expect(rowError('row 1')).toEqual({ row: 1, column: null });
		expect(rowError('path')).toEqual({ row: null, column: 'path' });
	});
});
