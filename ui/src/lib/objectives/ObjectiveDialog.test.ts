import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import { invoke } from '@tauri-apps/api/core';
import type { Objective } from '$lib/bindings/Objective';
import type { Person } from '$lib/bindings/Person';
import ObjectiveDialog from './ObjectiveDialog.svelte';
import { blankObjective } from './objective';

const invokeMock = vi.mocked(invoke);

const PEOPLE: Person[] = [
	{
		id: 3,
		name: 'Anna Kowalska',
		email: 'anna@example.com',
		job_title: 'CTO',
		department: 'Engineering',
		start_date: null,
		end_date: null,
		top_management: true,
		isms_owner: false
	}
];

function open(objective: Objective) {
	const props = { objective, people: PEOPLE, onclose: vi.fn(), onsaved: vi.fn() };
	render(ObjectiveDialog, { props });
	return props;
}

const type = (testid: string, value: string) =>
	fireEvent.input(screen.getByTestId(testid), { target: { value } });

describe('ObjectiveDialog', () => {
	beforeEach(() => {
		invokeMock.mockReset();
	});

	it('sends a new objective with owner, due date, status and a dated note', async () => {
		const { onsaved } = open(blankObjective());
		invokeMock.mockResolvedValueOnce({ ...blankObjective(), id: 1 });

		await type('objective-title', 'Fewer phishing clicks');
		await type('objective-measure', 'Click rate below 5 % by Q3');
		await fireEvent.change(screen.getByTestId('objective-owner'), { target: { value: '3' } });
		await type('objective-due-date', '2026-09-30');
		await fireEvent.change(screen.getByTestId('objective-status'), {
			target: { value: 'in_progress' }
		});
		await type('objective-note-date', '2026-02-01');
		await type('objective-note-text', 'Baseline 12 %');
		await fireEvent.click(screen.getByTestId('objective-note-add'));
		await fireEvent.click(screen.getByTestId('objective-save'));

		await waitFor(() => expect(onsaved).toHaveBeenCalled());
		expect(invokeMock).toHaveBeenCalledWith('objectives_create', {
			objective: {
				id: 0,
				title: 'Fewer phishing clicks',
				measure: 'Click rate below 5 % by Q3',
				owner_id: 3,
				due_date: '2026-09-30',
				status: 'in_progress',
				progress_notes: [{ date: '2026-02-01', note: 'Baseline 12 %' }]
			}
		});
	});

	it('lists notes oldest first', () => {
		open({
			...blankObjective(),
			id: 4,
			title: 'Patch faster',
			progress_notes: [
				{ date: '2026-03-01', note: 'Second' },
				{ date: '2026-01-01', note: 'First' }
			]
		});
		const notes = screen.getAllByTestId('objective-note').map((n) => n.textContent ?? '');
		expect(notes[0]).toContain('First');
		expect(notes[1]).toContain('Second');
	});

	it('puts a Validation error from the shell on the due date input', async () => {
		const { onsaved } = open(blankObjective());
		invokeMock.mockRejectedValueOnce({
			code: 'Validation',
			message: '1 field needs attention.',
			fields: [{ field: 'due_date', message: 'Give the objective a due date.' }]
		});

		await type('objective-title', 'Fewer phishing clicks');
		await fireEvent.click(screen.getByTestId('objective-save'));

		const error = await screen.findByTestId('field-error-due_date');
		expect(error.textContent).toContain('Give the objective a due date.');
		expect(screen.getByTestId('objective-due-date').getAttribute('aria-invalid')).toBe('true');
		expect(onsaved).not.toHaveBeenCalled();
	});

	it('asks for a title before sending', async () => {
		open(blankObjective());
		await fireEvent.click(screen.getByTestId('objective-save'));
		expect(screen.getByTestId('field-error-title')).toBeTruthy();
		expect(invokeMock).not.toHaveBeenCalled();
	});
});
