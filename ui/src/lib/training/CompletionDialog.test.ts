import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import { invoke } from '@tauri-apps/api/core';
import type { Course } from '$lib/bindings/Course';
import { blankPerson } from '$lib/people/person';
import CompletionDialog from './CompletionDialog.svelte';

const invokeMock = vi.mocked(invoke);
const PEOPLE = [{ ...blankPerson(), id: 1, name: 'Anna' }];
const COURSES: Course[] = [
	{ id: 10, title: 'Security awareness', kind: 'awareness', validity_months: 12 }
];
const DONE = { id: 7, person_id: 1, course_id: 10, completed_on: '2026-02-01', evidence_id: null };

function open(person_id: number, course_id: number) {
	const props = {
		completion: { id: 0, person_id, course_id, completed_on: '2026-06-15', evidence_id: null },
		people: PEOPLE,
		courses: COURSES,
		completions: [DONE],
		onclose: vi.fn(),
		onsaved: vi.fn(),
		ondeleted: vi.fn()
	};
	render(CompletionDialog, { props });
	return props;
}

describe('CompletionDialog', () => {
	beforeEach(() => {
		invokeMock.mockReset();
	});

	it('records the completion of the cell it was opened from', async () => {
		const { onsaved } = open(1, 10);
		invokeMock.mockResolvedValueOnce({ ...DONE, id: 8, completed_on: '2026-06-15' });
		await fireEvent.click(screen.getByTestId('completion-save'));
		await waitFor(() => expect(onsaved).toHaveBeenCalled());
		expect(invokeMock).toHaveBeenCalledWith('training_add_completion', {
			completion: {
				id: 0,
				person_id: 1,
				course_id: 10,
				completed_on: '2026-06-15',
				evidence_id: null
			}
		});
	});

	it('lists what is recorded for the person and course, and deletes one after a confirmation', async () => {
		const { ondeleted } = open(1, 10);
		const recorded = screen.getAllByTestId('completion-recorded');
		expect(recorded).toHaveLength(1);
		expect(recorded[0]?.textContent).toContain('valid until');

		await fireEvent.click(screen.getByTestId('completion-delete'));
		expect(invokeMock).not.toHaveBeenCalled();
		invokeMock.mockResolvedValueOnce(null);
		const ok = screen
			.getAllByTestId('confirm-ok')
			.find((b) => b.closest('dialog')?.hasAttribute('open'));
		await fireEvent.click(ok!);
		await waitFor(() => expect(ondeleted).toHaveBeenCalledWith(DONE));
		expect(invokeMock).toHaveBeenCalledWith('training_delete_completion', { id: 7 });
		expect(screen.queryAllByTestId('completion-recorded')).toHaveLength(0);
	});

	it('asks for a person and a course before sending', async () => {
		open(0, 0);
		await fireEvent.click(screen.getByTestId('completion-save'));
		expect(screen.getByTestId('field-error-person_id')).toBeTruthy();
		expect(screen.getByTestId('field-error-course_id')).toBeTruthy();
		expect(invokeMock).not.toHaveBeenCalled();
	});
});
