import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { QueryClient } from '@tanstack/svelte-query';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({
	invoke: vi.fn(),
	Channel: class<T> {
		constructor(public onmessage: (message: T) => void) {}
	}
}));

import { invoke } from '@tauri-apps/api/core';
import type { ExportDone } from '$lib/bindings/ExportDone';
import type { ExportProgress } from '$lib/bindings/ExportProgress';
import type { FileRef } from '$lib/bindings/FileRef';
import type { ReadinessView } from '$lib/bindings/ReadinessView';
import { report, rule } from '$lib/dashboard/fixtures';
import WithQueryClient from '$lib/testing/WithQueryClient.svelte';
import ExportScreen from './ExportScreen.svelte';

const invokeMock = vi.mocked(invoke);
const TODAY = '2026-06-15';

const VIEW: ReadinessView = {
	stage1: report(1, [rule('S1-SCOPE', 'pass')], TODAY),
	stage2: report(2, [rule('S2-INDEPENDENCE', 'fail'), rule('S2-TREATMENT', 'fail')], TODAY),
	stage2_target: '2026-07-09',
	days_to_stage2: 24
};

/** The shell's reference to a file chosen in the save dialog: a handle, never the path. */
const ref = (path: string): FileRef => ({
	handle: `handle of ${path}`,
	name: path.split('/').pop()!,
	shown: path,
	bytes: null
});

const DONE: ExportDone = {
	path: '/tmp/out/Northwind - soa pack.pdf',
	handle: 'written handle',
	format: 'pdf',
	bytes: 245_760,
	files: 1,
	title: 'Statement of Applicability'
};

type RunArgs = {
	pack: string;
	stage: number | null;
	as_of: string;
	file: string;
	on_progress: { onmessage: (p: ExportProgress) => void };
};

/** What the save dialog answers next. */
let dialogAnswer: string | null = '/home/me/Documents/Northwind - cap pack.zip';

/** The shell, with `export_run` answered by `run` (resolves with DONE by default). */
function mockShell(run: (args: RunArgs) => Promise<unknown> = async () => DONE) {
	invokeMock.mockImplementation(async (command: string, args?: unknown) => {
		switch (command) {
			case 'readiness_view':
				return VIEW;
			case 'export_run':
				return run(args as RunArgs);
			case 'export_choose_destination':
				return dialogAnswer === null ? null : ref(dialogAnswer);
			default:
				return null;
		}
	});
}

/** An `export_run` that never settles until the test says so, with its channel. */
function pendingRun() {
	let settle!: { resolve: (d: ExportDone) => void; reject: (e: unknown) => void };
	let channel!: RunArgs['on_progress'];
	mockShell((args) => {
		channel = args.on_progress;
		return new Promise((resolve, reject) => (settle = { resolve, reject }));
	});
	return { settle: () => settle, progress: (p: ExportProgress) => channel.onmessage(p) };
}

function renderScreen() {
	const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
	render(WithQueryClient, {
		props: { client, component: ExportScreen, props: { today: TODAY } }
	});
}

const runCalls = () =>
	invokeMock.mock.calls
		.filter(([c]) => c === 'export_run')
		.map(([, a]) => {
			const { on_progress: _, ...rest } = a as RunArgs;
			return rest;
		});

const shownFile = () => (screen.getByTestId('export-file') as HTMLInputElement).value;

/** Chooses `path` in the (mocked) save dialog. */
async function choosePath(path: string) {
	dialogAnswer = path;
	await fireEvent.click(screen.getByTestId('export-choose'));
	await waitFor(() => expect(shownFile()).toBe(path));
}

async function exportWith(pack: string, path: string, format: 'pdf' | 'zip' = 'pdf') {
	await fireEvent.click(screen.getByTestId(`export-pack-${pack}`));
	const formats = screen.getByTestId('export-format');
	await fireEvent.click(formats.querySelector(`input[value="${format}"]`)!);
	await choosePath(path);
	await fireEvent.click(screen.getByTestId('export-run'));
}

describe('ExportScreen', () => {
	beforeEach(() => {
		invokeMock.mockReset();
		mockShell();
	});

	it('sends the chosen pack, the day and the file handle; a stage only for the gap report', async () => {
		renderScreen();
		await exportWith('soa', '/tmp/out/soa.pdf');
		await screen.findByTestId('export-done');
		await fireEvent.click(screen.getByTestId('export-again'));

		await exportWith('stage2', '/tmp/out/stage2.zip', 'zip');
		await screen.findByTestId('export-done');
		await fireEvent.click(screen.getByTestId('export-again'));

		await fireEvent.click(screen.getByTestId('export-stage-2'));
		expect((screen.getByTestId('export-pack-gaps') as HTMLInputElement).checked).toBe(true);
		await exportWith('gaps', '/tmp/out/gaps.pdf', 'pdf');
		await screen.findByTestId('export-done');

		expect(runCalls()).toEqual([
			{ pack: 'soa', stage: null, as_of: TODAY, file: 'handle of /tmp/out/soa.pdf' },
			{ pack: 'stage2', stage: null, as_of: TODAY, file: 'handle of /tmp/out/stage2.zip' },
			{ pack: 'gaps', stage: 2, as_of: TODAY, file: 'handle of /tmp/out/gaps.pdf' }
		]);
	});

	it('exports as of the Stage 2 date in one click, and shows each stage verdict', async () => {
		renderScreen();
		await fireEvent.click(await screen.findByTestId('export-as-of-stage2'));
		expect((screen.getByTestId('export-as-of') as HTMLInputElement).value).toBe('2026-07-09');
		await waitFor(() =>
			expect(screen.getByTestId('export-verdict-stage2').textContent).toContain('Stage 2: 2 gaps')
		);
		expect(screen.getByTestId('export-verdict-stage1').textContent).toContain('Stage 1: Ready');
		await exportWith('cap', '/tmp/out/cap.pdf');
		await screen.findByTestId('export-done');
		expect(runCalls()[0]).toMatchObject({ pack: 'cap', as_of: '2026-07-09' });
	});

	it('shows the file chosen in the save dialog, for the chosen pack and format', async () => {
		renderScreen();
		await fireEvent.click(screen.getByTestId('export-pack-cap'));
		await fireEvent.click(screen.getByTestId('export-format').querySelector('input[value="zip"]')!);
		await choosePath('/home/me/Documents/Northwind - cap pack.zip');
		expect(screen.getByTestId('export-file').hasAttribute('readonly')).toBe(true);
		expect(invokeMock).toHaveBeenCalledWith('export_choose_destination', {
			pack: 'cap',
			format: 'zip',
			as_of: TODAY
		});
	});

	it('shows each phase in words while it runs, with the share of a bundle written', async () => {
		renderScreen();
		const run = pendingRun();
		await exportWith('stage2', '/tmp/out/s2.zip', 'zip');
		const phase = await screen.findByTestId('export-phase');
		expect(phase.textContent).toContain('Reading the vault');
		expect(screen.queryByTestId('export-run')).toBeNull();

		run.progress({ phase: 'rendering', done: 0, total: 0 });
		await waitFor(() => expect(phase.textContent).toContain('Laying out pages'));
		run.progress({ phase: 'writing', done: 300, total: 1000 });
		await waitFor(() => expect(phase.textContent).toContain('Writing the file — 30 %'));
		expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('30');

		run.settle().resolve({ ...DONE, path: '/tmp/out/s2.zip', format: 'zip', files: 14 });
		const done = await screen.findByTestId('export-done');
		expect(screen.getByTestId('export-done-name').textContent).toBe('s2.zip');
		expect(screen.getByTestId('export-done-files').textContent).toBe('14');
		expect(done.textContent).toContain('isms verify');
	});

	it('Cancel asks the export to stop and says no file was written', async () => {
		renderScreen();
		const run = pendingRun();
		await exportWith('stage1', '/tmp/out/s1.pdf');
		await screen.findByTestId('export-progress');
		await fireEvent.click(screen.getByTestId('export-cancel'));
		expect(invokeMock).toHaveBeenCalledWith('export_cancel', undefined);

		run.settle().reject({
			code: 'Cancelled',
			message: 'Export cancelled; no file was written.',
			fields: []
		});
		const cancelled = await screen.findByTestId('export-cancelled');
		expect(cancelled.textContent).toContain('Export cancelled; no file was written.');
		expect(screen.queryByTestId('export-progress')).toBeNull();
		// Nothing lost: the same choices are there to try again.
		expect(shownFile()).toBe('/tmp/out/s1.pdf');
		expect((screen.getByTestId('export-pack-stage1') as HTMLInputElement).checked).toBe(true);
	});

	it('asks for another name when the file already exists', async () => {
		mockShell(async () => {
			throw { code: 'AlreadyExists', message: 'exists', fields: [] };
		});
		renderScreen();
		await exportWith('soa', '/tmp/out/soa.pdf');
		const error = await screen.findByTestId('export-path-error');
		expect(error.textContent).toContain('“soa.pdf” already exists');
		expect(error.textContent).toContain('Choose another name');
		expect(screen.queryByTestId('export-done')).toBeNull();
		expect(shownFile()).toBe('/tmp/out/soa.pdf');
	});

	it('says in plain words when an export fails, keeping the choices', async () => {
		mockShell(async () => {
			throw { code: 'Io', message: 'Cannot write /tmp/out: disk full.', fields: [] };
		});
		renderScreen();
		await exportWith('cap', '/tmp/out/cap.pdf');
		const failed = await screen.findByTestId('export-failed');
		expect(failed.textContent).toContain('disk full');
		expect((screen.getByTestId('export-pack-cap') as HTMLInputElement).checked).toBe(true);
	});

	it('exports only to a file chosen in the dialog, chosen again when the format changes', async () => {
		renderScreen();
		expect(screen.queryByTestId('export-path')).toBeNull();
		expect((screen.getByTestId('export-run') as HTMLButtonElement).disabled).toBe(true);
		await choosePath('/tmp/out/soa.pdf');
		expect((screen.getByTestId('export-run') as HTMLButtonElement).disabled).toBe(false);
		await fireEvent.click(screen.getByTestId('export-format').querySelector('input[value="zip"]')!);
		await waitFor(() => expect(shownFile()).toBe(''));
		expect((screen.getByTestId('export-run') as HTMLButtonElement).disabled).toBe(true);
		expect(runCalls()).toEqual([]);
	});

	it('shows the written file in its folder', async () => {
		renderScreen();
		await exportWith('soa', '/tmp/out/Northwind - soa pack.pdf');
		await screen.findByTestId('export-done');
		expect(screen.getByTestId('export-done-name').textContent).toBe('Northwind - soa pack.pdf');
		expect(screen.getByTestId('export-done-size').textContent).toBe('240 KB');
		await fireEvent.click(screen.getByTestId('export-reveal'));
		expect(invokeMock).toHaveBeenCalledWith('export_reveal', { file: 'written handle' });
	});
});

describe('ExportScreen: everything as one workbook', () => {
	beforeEach(() => {
		invokeMock.mockReset();
		mockShell();
	});

	it('asks the shell for the whole vault ("all") through the native save dialog and says where it went', async () => {
		const path = '/home/me/Documents/Northwind - all 2026-06-15.xlsx';
		invokeMock.mockImplementation(async (command: string) => {
			switch (command) {
				case 'readiness_view':
					return VIEW;
				case 'sheets_choose_destination':
					return ref(path);
				case 'sheets_export':
					return { path, handle: 'written handle', bytes: 52_000 };
				default:
					return null;
			}
		});
		renderScreen();
		const section = screen.getByTestId('export-everything');
		expect(section.textContent).toContain('Everything as one workbook');
		await fireEvent.click(screen.getByTestId('sheet-export-all'));
		await fireEvent.click(await screen.findByTestId('sheet-export-choose'));
		await screen.findByTestId('sheet-exported');

		const calls = invokeMock.mock.calls.filter(([c]) => String(c).startsWith('sheets_'));
		expect(calls.map(([c]) => c)).toEqual(['sheets_choose_destination', 'sheets_export']);
		const [choose, write] = calls.map(([, args]) => args);
		expect(choose).toMatchObject({ kind: 'all' });
		expect(write).toMatchObject({ kind: 'all', file: `handle of ${path}` });
		expect(screen.getByTestId('sheet-exported').textContent).toContain(
			'Northwind - all 2026-06-15.xlsx'
		);
	});

	it('shows the shell’s refusal when the file exists, and writes nothing else', async () => {
		invokeMock.mockImplementation(async (command: string) => {
			switch (command) {
				case 'readiness_view':
					return VIEW;
				case 'sheets_choose_destination':
					return ref('/tmp/taken.xlsx');
				case 'sheets_export':
					throw { code: 'AlreadyExists', message: '/tmp/taken.xlsx already exists.', fields: [] };
				default:
					return null;
			}
		});
		renderScreen();
		await fireEvent.click(screen.getByTestId('sheet-export-all'));
		await fireEvent.click(await screen.findByTestId('sheet-export-choose'));
		await waitFor(() =>
			expect(screen.getByTestId('sheet-export-dialog').textContent).toContain('already exists')
		);
		expect(screen.queryByTestId('sheet-exported')).toBeNull();
	});
});
