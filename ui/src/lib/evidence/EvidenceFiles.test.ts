import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import { invoke } from '@tauri-apps/api/core';
import type { Evidence } from '$lib/bindings/Evidence';
import EvidenceFiles from './EvidenceFiles.svelte';

const invokeMock = vi.mocked(invoke);

const file = (id: number, file_name: string): Evidence => ({
	id,
	sha256: `${id}`.padStart(64, '0'),
	file_name,
	media_type: 'application/pdf',
	size: 10,
	effective_date: null,
	uploaded_at: '2026-06-15T09:00:00Z',
	description: '',
	links: []
});

const names = () => screen.queryAllByTestId('t-file-name').map((n) => n.textContent);

describe('EvidenceFiles', () => {
	beforeEach(() => invokeMock.mockReset());

	it('names the attached files from the vault list, and adds chosen files with their links', async () => {
		render(EvidenceFiles, {
			ids: [7],
			files: [file(7, 'firewall-log.txt')],
			links: ['5.24'],
			effective: '2026-03-02',
			testid: 't'
		});
		expect(names()).toEqual(['firewall-log.txt']);
		invokeMock.mockResolvedValueOnce([file(8, 'timeline.pdf')]);
		await fireEvent.click(screen.getByTestId('t-attach'));
		await waitFor(() => expect(names()).toEqual(['firewall-log.txt', 'timeline.pdf']));
		expect(invokeMock).toHaveBeenCalledWith('evidence_choose_and_add', {
			links: ['5.24'],
			effective_date: '2026-03-02',
			description: ''
		});
	});

	it('detaches a file without touching the vault', async () => {
		render(EvidenceFiles, {
			ids: [7, 8],
			files: [file(7, 'a.pdf'), file(8, 'b.pdf')],
			testid: 't'
		});
		await fireEvent.click(screen.getByRole('button', { name: 'Detach a.pdf' }));
		expect(names()).toEqual(['b.pdf']);
		expect(invokeMock).not.toHaveBeenCalled();
	});

	it('replaces the file when it holds one, and keeps the list when the dialog is cancelled', async () => {
		render(EvidenceFiles, { ids: [7], files: [file(7, 'old.pdf')], single: true, testid: 't' });
		expect(screen.getByTestId('t-attach').textContent).toContain('Replace');
		invokeMock.mockResolvedValueOnce([]);
		await fireEvent.click(screen.getByTestId('t-attach'));
		await waitFor(() => expect(invokeMock).toHaveBeenCalledTimes(1));
		expect(names()).toEqual(['old.pdf']);
		invokeMock.mockResolvedValueOnce([file(9, 'new.pdf')]);
		await fireEvent.click(screen.getByTestId('t-attach'));
		await waitFor(() => expect(names()).toEqual(['new.pdf']));
	});

	it('says why a file was not attached', async () => {
		render(EvidenceFiles, { ids: [], files: [], testid: 't' });
		invokeMock.mockRejectedValueOnce({
			code: 'Io',
			message: 'Cannot read /home/anna/scan.pdf: permission denied'
		});
		await fireEvent.click(screen.getByTestId('t-attach'));
		await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('permission'));
		expect(names()).toEqual([]);
	});
});
