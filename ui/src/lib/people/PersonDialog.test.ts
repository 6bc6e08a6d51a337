import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import { invoke } from '@tauri-apps/api/core';
import type { Person } from '$lib/bindings/Person';
import PersonDialog from './PersonDialog.svelte';
import { blankPerson } from './person';

const invokeMock = vi.mocked(invoke);

const ANNA: Person = {
	id: 7,
	name: 'Anna Kowalska',
	email: 'anna@example.com',
	job_title: 'CTO',
	department: 'Engineering',
	start_date: '2021-03-01',
	end_date: null,
	top_management: true,
	isms_owner: false
};

function open(person: Person) {
	const props = { person, onclose: vi.fn(), onsaved: vi.fn(), ondeleted: vi.fn() };
	render(PersonDialog, { props });
	return props;
}

const type = (testid: string, value: string) =>
	fireEvent.input(screen.getByTestId(testid), { target: { value } });

describe('PersonDialog', () => {
	beforeEach(() => {
		invokeMock.mockReset();
	});

	it('sends the new person as people_create with every field', async () => {
		const { onsaved } = open(blankPerson());
		invokeMock.mockResolvedValueOnce({ ...blankPerson(), id: 1, name: 'Łukasz Wąs' });

		await type('person-name', 'Łukasz Wąs');
		await type('person-email', 'lukasz@example.com');
		await type('person-job-title', 'Security lead');
		await type('person-department', 'Operations');
		await type('person-start-date', '2024-02-01');
		await fireEvent.click(screen.getByTestId('person-isms-owner'));
		await fireEvent.click(screen.getByTestId('person-save'));

		await waitFor(() => expect(onsaved).toHaveBeenCalled());
		expect(invokeMock).toHaveBeenCalledWith('people_create', {
			person: {
				id: 0,
				name: 'Łukasz Wąs',
				email: 'lukasz@example.com',
				job_title: 'Security lead',
				department: 'Operations',
				start_date: '2024-02-01',
				end_date: null,
				top_management: false,
				isms_owner: true
			}
		});
	});

	it('puts a Validation error from the shell on the e-mail input', async () => {
		const { onsaved } = open(blankPerson());
		invokeMock.mockRejectedValueOnce({
			code: 'Validation',
			message: '1 field needs attention.',
			fields: [{ field: 'email', message: 'Anna Kowalska already has this e-mail address.' }]
		});

		await type('person-name', 'Anna K.');
		await type('person-email', 'ANNA@example.com');
		await fireEvent.click(screen.getByTestId('person-save'));

		const error = await screen.findByTestId('field-error-email');
		expect(error.textContent).toContain('Anna Kowalska already has this e-mail address.');
		expect(screen.getByTestId('person-email').getAttribute('aria-invalid')).toBe('true');
		expect(screen.queryByTestId('field-error-name'), 'only the named field').toBeNull();
		expect(onsaved).not.toHaveBeenCalled();
	});

	it('checks for a name and an e-mail before sending', async () => {
		open(blankPerson());
		await fireEvent.click(screen.getByTestId('person-save'));
		expect(screen.getByTestId('field-error-name')).toBeTruthy();
		expect(screen.getByTestId('field-error-email')).toBeTruthy();
		expect(invokeMock).not.toHaveBeenCalled();
	});

	it('sends an edit as people_update with the id', async () => {
		const { onsaved } = open(ANNA);
		invokeMock.mockResolvedValueOnce({ ...ANNA, end_date: '2025-06-30' });
		await type('person-end-date', '2025-06-30');
		await fireEvent.click(screen.getByTestId('person-save'));
		await waitFor(() => expect(onsaved).toHaveBeenCalled());
		expect(invokeMock).toHaveBeenCalledWith('people_update', {
			person: { ...ANNA, end_date: '2025-06-30' }
		});
	});

	it('asks before deleting, and shows why a person who owns records was not deleted', async () => {
		const { ondeleted } = open(ANNA);
		const message =
			'Anna Kowalska owns 1 asset. Give them an end date instead, or hand those records to someone else first.';
		invokeMock.mockRejectedValueOnce({ code: 'Referenced', message, fields: [] });

		await fireEvent.click(screen.getByTestId('person-delete'));
		expect(invokeMock, 'nothing is deleted before the user confirms').not.toHaveBeenCalled();
		await fireEvent.click(screen.getByTestId('confirm-ok'));

		const notice = await screen.findByTestId('person-referenced');
		expect(invokeMock).toHaveBeenCalledWith('people_delete', { id: 7 });
		expect(notice.textContent).toContain('Anna Kowalska was not deleted');
		expect(notice.textContent).toContain(message);
		expect(ondeleted).not.toHaveBeenCalled();
	});

	it('deletes a person who owns nothing once confirmed', async () => {
		const { ondeleted } = open(ANNA);
		invokeMock.mockResolvedValueOnce(null);
		await fireEvent.click(screen.getByTestId('person-delete'));
		await fireEvent.click(screen.getByTestId('confirm-ok'));
		await waitFor(() => expect(ondeleted).toHaveBeenCalledWith(ANNA));
		expect(screen.queryByTestId('person-referenced')).toBeNull();
	});
});
