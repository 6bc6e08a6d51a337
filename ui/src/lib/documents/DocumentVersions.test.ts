import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import { invoke } from '@tauri-apps/api/core';
import type { Document } from '$lib/bindings/Document';
import type { Evidence } from '$lib/bindings/Evidence';
import type { Person } from '$lib/bindings/Person';
import DocumentVersions from './DocumentVersions.svelte';
import { blankDocument } from './document';

const invokeMock = vi.mocked(invoke);

const ANNA: Person = {
	id: 3,
	name: 'Anna Kowalska',
	email: 'anna@example.com',
	job_title: 'CEO',
	department: 'Management',
	start_date: null,
	end_date: null,
	top_management: true,
	isms_owner: false
};

const FILE: Evidence = {
	id: 11,
	sha256: 'ab'.repeat(32),
	file_name: 'POL-01 v1.0.pdf',
	media_type: 'application/pdf',
	size: 1200,
	effective_date: null,
	uploaded_at: '2026-01-10T09:00:00Z',
	description: '',
	links: []
};

const POLICY: Document = {
	...blankDocument(),
	id: 5,
	reference: 'POL-01',
	title: 'Information security policy',
	owner_id: 3,
	versions: [
		{
			id: 20,
			number: '1.0',
			change_summary: 'First issue',
			evidence_id: 11,
			approved_by: 3,
			approved_on: '2026-01-15'
		},
		{
			id: 21,
			number: '1.1',
			change_summary: 'New remote work section',
			evidence_id: null,
			approved_by: null,
			approved_on: null
		}
	]
};

function show(doc: Document) {
	const onchanged = vi.fn();
	render(DocumentVersions, { props: { doc, evidence: [FILE], people: [ANNA], onchanged } });
	return onchanged;
}

describe('DocumentVersions', () => {
	beforeEach(() => {
		invokeMock.mockReset();
	});

	it('shows an approved version locked, with its file, approver and date, and nothing to edit', () => {
		show(POLICY);
		const [approved, draft] = screen.getAllByTestId('document-version');
		if (!approved || !draft) throw new Error('two versions expected');
		const row = within(approved);
		expect(row.getByTestId('version-locked')).toBeTruthy();
		expect(approved.textContent).toContain('POL-01 v1.0.pdf');
		expect(approved.textContent).toContain('Approved by Anna Kowalska');
		expect(approved.querySelectorAll('input, textarea, select'), 'read-only').toHaveLength(0);
		expect(within(draft).queryByTestId('version-locked')).toBeNull();
		expect(draft.textContent).toContain('Draft');
		expect(
			(screen.getByTestId('draft-number') as HTMLInputElement).value,
			'the draft card edits the open draft, not the approved version'
		).toBe('1.1');
	});

	it('approves the open draft with the chosen approver and date', async () => {
		const onchanged = show(POLICY);
		const approvedDoc = structuredClone(POLICY);
		invokeMock.mockResolvedValueOnce(approvedDoc);

		await fireEvent.click(screen.getByTestId('draft-approve'));
		await fireEvent.input(screen.getByTestId('approve-on'), { target: { value: '2026-03-02' } });
		await fireEvent.click(screen.getByTestId('approve-save'));

		await waitFor(() => expect(onchanged).toHaveBeenCalledWith(approvedDoc));
		expect(invokeMock).toHaveBeenCalledWith('documents_approve_version', {
			version_id: 21,
			approved_by: 3,
			approved_on: '2026-03-02'
		});
	});

	it('saves the draft with its number and change summary', async () => {
		const onchanged = show({ ...POLICY, versions: POLICY.versions.slice(0, 1) });
		invokeMock.mockResolvedValueOnce(POLICY);
		await fireEvent.input(screen.getByTestId('draft-number'), { target: { value: '2.0' } });
		await fireEvent.input(screen.getByTestId('draft-summary'), { target: { value: 'Rewrite' } });
		await fireEvent.click(screen.getByTestId('draft-save'));
		await waitFor(() => expect(onchanged).toHaveBeenCalled());
		expect(invokeMock).toHaveBeenCalledWith('documents_save_draft', {
			document_id: 5,
			draft: { number: '2.0', change_summary: 'Rewrite', evidence_id: null }
		});
	});

	it('opens the stored file of a version through the shell, and says so when it cannot', async () => {
		show(POLICY);
		invokeMock.mockResolvedValueOnce('opened');
		await fireEvent.click(screen.getByTestId('version-open'));
		expect(invokeMock).toHaveBeenCalledWith('evidence_open', { id: 11 });
		expect(screen.queryByTestId('version-runs-code')).toBeNull();
		invokeMock.mockRejectedValueOnce({
			code: 'Io',
			message: 'No application could open it',
			fields: []
		});
		await fireEvent.click(screen.getByTestId('version-open'));
		await waitFor(() =>
			expect(document.body.textContent).toContain('No application could open it')
		);
	});

	it('offers to save a copy of a file the shell would not open because it can run code', async () => {
		show(POLICY);
		invokeMock.mockResolvedValueOnce('save_a_copy');
		await fireEvent.click(screen.getByTestId('version-open'));
		const banner = await screen.findByTestId('version-runs-code');
		expect(banner.textContent).toContain('can run code');
		invokeMock.mockResolvedValueOnce('/home/a/copy');
		await fireEvent.click(screen.getByTestId('version-runs-code-save'));
		expect(invokeMock).toHaveBeenLastCalledWith('evidence_save_as', { id: 11 });
		await waitFor(() => expect(document.body.textContent).toContain('Saved to /home/a/copy'));
		expect(screen.queryByTestId('version-runs-code')).toBeNull();
	});
});
