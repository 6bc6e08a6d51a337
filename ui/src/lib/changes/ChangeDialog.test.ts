import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import { invoke } from '@tauri-apps/api/core';
import type { Document } from '$lib/bindings/Document';
import type { IsmsChange } from '$lib/bindings/IsmsChange';
import type { Person } from '$lib/bindings/Person';
import type { Risk } from '$lib/bindings/Risk';
import ChangeDialog from './ChangeDialog.svelte';
import { blankChange } from './change';

const invokeMock = vi.mocked(invoke);
const TODAY = '2026-05-10';

const PEOPLE: Person[] = [
	{
		id: 3,
		name: 'Anna Kowalska',
		email: 'anna@example.com',
		job_title: 'CEO',
		department: '',
		start_date: null,
		end_date: null,
		top_management: true,
		isms_owner: false
	}
];
const RISKS = [{ id: 7, reference: 'R-007', title: 'Phishing' }] as unknown as Risk[];
const DOCUMENTS = [
	{ id: 9, reference: 'POL-01', title: 'Security policy' }
] as unknown as Document[];

function open(change: IsmsChange) {
	const props = {
		change,
		people: PEOPLE,
		risks: RISKS,
		documents: DOCUMENTS,
		today: TODAY,
		onclose: vi.fn(),
		onsaved: vi.fn()
	};
	render(ChangeDialog, { props });
	return props;
}

const PROPOSED: IsmsChange = {
	...blankChange('2026-05-01'),
	id: 1,
	reference: 'CH-001',
	title: 'New e-mail provider',
	requester_id: 3
};

describe('ChangeDialog', () => {
	beforeEach(() => {
		invokeMock.mockReset();
	});

	it('records a new change with id 0, no reference and its linked risk and document', async () => {
		const { onsaved } = open(blankChange(TODAY));
		invokeMock.mockResolvedValueOnce({ ...blankChange(TODAY), id: 1, reference: 'CH-001' });

		await fireEvent.input(screen.getByTestId('change-title'), {
			target: { value: 'New e-mail provider' }
		});
		await fireEvent.change(screen.getByTestId('change-requester'), { target: { value: '3' } });
		await fireEvent.change(screen.getByTestId('change-risks'), { target: { value: '7' } });
		await fireEvent.change(screen.getByTestId('change-documents'), { target: { value: '9' } });
		const linked = screen.getByTestId('change-risks-item');
		expect(linked.textContent).toContain('R-007');
		expect(linked.textContent).toContain('Phishing');
		expect(linked.querySelector('a')?.getAttribute('href')).toBe('/risks/7');
		await fireEvent.click(screen.getByTestId('change-save'));

		await waitFor(() => expect(onsaved).toHaveBeenCalled());
		expect(invokeMock).toHaveBeenCalledWith('changes_create', {
			change: {
				...blankChange(TODAY),
				title: 'New e-mail provider',
				requester_id: 3,
				risk_ids: [7],
				document_ids: [9]
			}
		});
	});

	it('approves a proposal: the status and the decision date change, and go out on save', async () => {
		const { onsaved } = open(PROPOSED);
		invokeMock.mockResolvedValueOnce(PROPOSED);

		expect(screen.getByTestId('change-status').textContent).toContain('Proposed');
		await fireEvent.click(screen.getByTestId('change-move-approved'));
		expect(screen.getByTestId('change-status').textContent).toContain('Approved');
		expect((screen.getByTestId('change-decided-on') as HTMLInputElement).value).toBe(TODAY);
		expect(screen.getByTestId('change-move-implemented')).toBeTruthy();
		await fireEvent.change(screen.getByTestId('change-approver'), { target: { value: '3' } });
		await fireEvent.click(screen.getByTestId('change-save'));

		await waitFor(() => expect(onsaved).toHaveBeenCalled());
		expect(invokeMock).toHaveBeenCalledWith('changes_update', {
			change: { ...PROPOSED, status: 'approved', decided_on: TODAY, approver_id: 3 }
		});
	});

	it('undoes a move not yet saved', async () => {
		open(PROPOSED);
		await fireEvent.click(screen.getByTestId('change-move-rejected'));
		expect(screen.getByTestId('change-status').textContent).toContain('Rejected');
		await fireEvent.click(screen.getByTestId('change-move-undo'));
		expect(screen.getByTestId('change-status').textContent).toContain('Proposed');
		expect((screen.getByTestId('change-decided-on') as HTMLInputElement).value).toBe('');
	});

	it('puts the shell’s refusal of an approval on the impact and approver fields', async () => {
		const { onsaved } = open(PROPOSED);
		invokeMock.mockRejectedValueOnce({
			code: 'Validation',
			message: '2 fields need attention.',
			fields: [
				{ field: 'impact', message: 'Assess the impact before the change is approved.' },
				{ field: 'approver_id', message: 'Who approved it?' }
			]
		});

		await fireEvent.click(screen.getByTestId('change-move-approved'));
		await fireEvent.click(screen.getByTestId('change-save'));

		const impact = await screen.findByTestId('field-error-impact');
		expect(impact.textContent).toContain('Assess the impact');
		expect(screen.getByTestId('change-impact').getAttribute('aria-invalid')).toBe('true');
		expect(screen.getByTestId('field-error-approver_id').textContent).toContain('Who approved it?');
		expect(screen.getByTestId('change-approver').getAttribute('aria-invalid')).toBe('true');
		expect(onsaved).not.toHaveBeenCalled();
	});
});
