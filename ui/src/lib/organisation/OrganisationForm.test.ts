import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import { invoke } from '@tauri-apps/api/core';
import type { Organisation } from '$lib/bindings/Organisation';
import OrganisationForm from './OrganisationForm.svelte';

const invokeMock = vi.mocked(invoke);

const ACME: Organisation = {
	name: 'Acme Ltd',
	scope: 'The SaaS platform and its support team.',
	isms_start: '2025-01-06',
	stage1_date: null,
	stage2_target: '2025-09-30',
	certification_body: 'Example Certification',
	finding_policy: 'no_major_nc',
	audit_months: 3
};

function setup() {
	const onsaved = vi.fn();
	render(OrganisationForm, { props: { organisation: ACME, onsaved } });
	return { onsaved, save: screen.getByTestId<HTMLButtonElement>('org-save') };
}

describe('OrganisationForm', () => {
	beforeEach(() => {
		invokeMock.mockReset();
	});

	it('shows the record and keeps Save disabled until something changes', async () => {
		const { save } = setup();
		expect(screen.getByTestId<HTMLInputElement>('org-name').value).toBe('Acme Ltd');
		expect(screen.getByTestId<HTMLTextAreaElement>('org-scope').value).toBe(ACME.scope);
		expect(save.disabled).toBe(true);

		await fireEvent.input(screen.getByTestId('org-name'), { target: { value: 'Acme Group' } });
		expect(save.disabled).toBe(false);

		await fireEvent.input(screen.getByTestId('org-name'), { target: { value: 'Acme Ltd' } });
		expect(save.disabled, 'back to the saved value: nothing to save').toBe(true);
		await fireEvent.click(save);
		expect(invokeMock).not.toHaveBeenCalled();
	});

	it('sends the edited organisation, with empty dates as null, and shows Saved', async () => {
		const { save, onsaved } = setup();
		const edited: Organisation = {
			...ACME,
			name: 'Acme Group',
			scope: 'All of Acme.',
			isms_start: null,
			finding_policy: 'zero_findings'
		};
		invokeMock.mockResolvedValueOnce(edited);

		await fireEvent.input(screen.getByTestId('org-name'), { target: { value: 'Acme Group' } });
		await fireEvent.input(screen.getByTestId('org-scope'), { target: { value: 'All of Acme.' } });
		await fireEvent.input(screen.getByTestId('org-isms-start'), { target: { value: '' } });
		await fireEvent.click(screen.getByLabelText(/Zero findings/));
		await fireEvent.click(save);

		await waitFor(() => expect(onsaved).toHaveBeenCalledWith(edited));
		expect(invokeMock).toHaveBeenCalledWith('organisation_update', { organisation: edited });
		expect(screen.getByTestId('org-saved').textContent).toContain('Saved');
		expect(save.disabled).toBe(true);

		await fireEvent.input(screen.getByTestId('org-name'), { target: { value: 'Acme Group plc' } });
		expect(screen.queryByTestId('org-saved'), 'editing again hides the Saved mark').toBeNull();
	});

	it('puts a Validation error on the field it names', async () => {
		invokeMock.mockRejectedValueOnce({
			code: 'Validation',
			message: 'The Stage 2 target must come after the Stage 1 date.',
			fields: [{ field: 'stage2_target', message: 'Must come after the Stage 1 date.' }]
		});
		const { save, onsaved } = setup();
		await fireEvent.input(screen.getByTestId('org-stage2'), { target: { value: '2024-01-01' } });
		await fireEvent.click(save);

		const error = await screen.findByTestId('field-error-stage2_target');
		expect(error.textContent).toContain('Must come after the Stage 1 date.');
		expect(screen.getByTestId('org-stage2').getAttribute('aria-invalid')).toBe('true');
		expect(screen.queryByTestId('field-error-name')).toBeNull();
		expect(screen.queryByTestId('org-saved')).toBeNull();
		expect(onsaved).not.toHaveBeenCalled();
	});

	it('checks the audit months locally before sending', async () => {
		const { save } = setup();
		await fireEvent.input(screen.getByTestId('org-audit-months'), { target: { value: '13' } });
		await fireEvent.click(save);
		expect(screen.getByTestId('field-error-audit_months')).toBeTruthy();
		expect(invokeMock).not.toHaveBeenCalled();
	});
});
