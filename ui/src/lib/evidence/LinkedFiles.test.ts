import { QueryClient } from '@tanstack/svelte-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import type { Component } from 'svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import { invoke } from '@tauri-apps/api/core';
import type { Evidence } from '$lib/bindings/Evidence';
import WithQueryClient from '$lib/testing/WithQueryClient.svelte';
import LinkedFiles from './LinkedFiles.svelte';

const invokeMock = vi.mocked(invoke);

const file = (id: number, file_name: string, links: string[]): Evidence => ({
	id,
	sha256: `${id}`.padStart(64, '0'),
	file_name,
	media_type: 'text/markdown',
	size: 10,
	effective_date: null,
	uploaded_at: '2026-06-15T09:00:00Z',
	description: '',
	links
});

const VAULT = [
	file(1, 'IA-001 report.md', ['IA-001']),
	file(2, 'IA-002 report.md', ['IA-002']),
	file(3, 'shared notes.md', ['5.15', 'ia-001'])
];

const names = () => screen.queryAllByTestId('r-file-name').map((n) => n.textContent);

function show(unlink: (args: unknown) => Promise<unknown>) {
	invokeMock.mockImplementation(async (command, args) => {
		if (command === 'evidence_list') return VAULT;
		if (command === 'evidence_unlink') return unlink(args);
		if (command === 'evidence_choose_and_add') return [file(4, 'signed report.pdf', ['IA-001'])];
		// The drop listener's registration, outside a webview.
		return undefined;
	});
	const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
	render(WithQueryClient, {
		props: {
			client,
			// The host passes the props on as they are; its generic type cannot name them.
			component: LinkedFiles as unknown as Component<Record<string, unknown>>,
			props: { reference: 'IA-001', effective: '2026-04-10', label: 'Audit report', testid: 'r' }
		}
	});
}

describe('LinkedFiles', () => {
	beforeEach(() => invokeMock.mockReset());

	it('shows the files linked to the record, whatever the case of the link', async () => {
		show(async () => undefined);
		await waitFor(() => expect(names()).toEqual(['IA-001 report.md', 'shared notes.md']));
	});

	it('adds a chosen file linked to the record, dated as the record', async () => {
		show(async () => undefined);
		await waitFor(() => expect(names()).toHaveLength(2));
		await fireEvent.click(screen.getByTestId('r-attach'));
		await waitFor(() => expect(names()).toContain('signed report.pdf'));
		expect(invokeMock).toHaveBeenCalledWith('evidence_choose_and_add', {
			links: ['IA-001'],
			effective_date: '2026-04-10',
			description: ''
		});
	});

	it('detaches a file by taking the link off in the vault', async () => {
		show(async () => file(1, 'IA-001 report.md', []));
		await waitFor(() => expect(names()).toHaveLength(2));
		await fireEvent.click(screen.getByRole('button', { name: 'Detach IA-001 report.md' }));
		await waitFor(() => expect(names()).toEqual(['shared notes.md']));
		expect(invokeMock).toHaveBeenCalledWith('evidence_unlink', { id: 1, link: 'IA-001' });
	});

	it('keeps a file the vault did not detach, and says why', async () => {
		show(async () => Promise.reject({ code: 'Locked', message: 'The vault is locked.' }));
		await waitFor(() => expect(names()).toHaveLength(2));
		await fireEvent.click(screen.getByRole('button', { name: 'Detach IA-001 report.md' }));
		await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('locked'));
		expect(names()).toEqual(['IA-001 report.md', 'shared notes.md']);
	});
});
