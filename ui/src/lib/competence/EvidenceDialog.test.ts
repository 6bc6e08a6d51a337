import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import { invoke } from '@tauri-apps/api/core';
import { blankPerson } from '$lib/people/person';
import { blankEvidence } from './competence';
import EvidenceDialog from './EvidenceDialog.svelte';

const invokeMock = vi.mocked(invoke);
const PEOPLE = [{ ...blankPerson(), id: 1, name: 'Anna' }];
const FILE = {
	id: 42,
	sha256: 'ab',
	file_name: 'lead-auditor.pdf',
	media_type: 'application/pdf',
	size: 10,
	effective_date: '2026-06-01',
	uploaded_at: '2026-06-15T09:00:00Z',
	description: '',
	links: []
};

describe('EvidenceDialog', () => {
	beforeEach(() => {
		invokeMock.mockReset();
	});

	it('attaches a file chosen in the native dialog and saves the evidence with it', async () => {
		const onsaved = vi.fn();
		render(EvidenceDialog, {
			props: {
				evidence: { ...blankEvidence(1, '2026-06-01'), title: 'Lead Auditor' },
				people: PEOPLE,
				files: [],
				onclose: vi.fn(),
				onsaved
			}
		});
		invokeMock.mockResolvedValueOnce([FILE]);
		await fireEvent.click(screen.getByTestId('evidence-attach'));
		await waitFor(() =>
			expect(screen.getByTestId('evidence-file-name').textContent).toBe('lead-auditor.pdf')
		);
		expect(invokeMock).toHaveBeenCalledWith('evidence_choose_and_add', {
			links: [],
			effective_date: '2026-06-01',
			description: ''
		});

		invokeMock.mockImplementationOnce(
			async (_command, args) => (args as { evidence: unknown }).evidence
		);
		await fireEvent.click(screen.getByTestId('competence-evidence-save'));
		await waitFor(() => expect(onsaved).toHaveBeenCalled());
		expect(invokeMock).toHaveBeenLastCalledWith('competence_save_evidence', {
			evidence: expect.objectContaining({ person_id: 1, title: 'Lead Auditor', evidence_id: 42 })
		});
	});

	it('asks for a title before sending', async () => {
		render(EvidenceDialog, {
			props: {
				evidence: blankEvidence(1, '2026-06-01'),
				people: PEOPLE,
				files: [],
				onclose: vi.fn()
			}
		});
		await fireEvent.click(screen.getByTestId('competence-evidence-save'));
		expect(screen.getByTestId('field-error-title')).toBeTruthy();
		expect(invokeMock).not.toHaveBeenCalled();
	});
});
