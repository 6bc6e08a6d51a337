import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import { invoke } from '@tauri-apps/api/core';
import { commonMethod } from './method';
import MethodForm from './MethodForm.svelte';

const invokeMock = vi.mocked(invoke);
const level = (l: number, i: number) =>
	screen.getByTestId(`method-preview-${l}-${i}`).getAttribute('data-level');
const type = (testid: string, value: string) =>
	fireEvent.input(screen.getByTestId(testid), { target: { value } });

describe('MethodForm', () => {
	beforeEach(() => {
		invokeMock.mockReset();
	});

	it('colours the preview by the thresholds as they are typed', async () => {
		render(MethodForm, { props: { method: null } });
		expect(level(5, 5), 'no thresholds yet: no level').toBe('none');

		await fireEvent.click(screen.getByTestId('method-use-common'));
		expect(level(1, 1), '1 ≤ 6: acceptable').toBe('acceptable');
		expect(level(2, 3), '6 ≤ 6: acceptable').toBe('acceptable');
		expect(level(2, 4), '8: between the thresholds').toBe('amber');
		expect(level(3, 5), '15 ≥ 15: red').toBe('red');
		expect(level(4, 5), '20: red').toBe('red');
		expect(screen.getByTestId('method-preview-4-5').textContent?.trim()).toBe('20');

		await type('method-red', '21');
		expect(level(4, 5), '20 < 21: amber now').toBe('amber');
		expect(level(5, 5)).toBe('red');
		await type('method-acceptance', '8');
		expect(level(2, 4), '8 ≤ 8: acceptable now').toBe('acceptable');
	});

	it('redraws the preview when a scale changes size, keeping the typed labels', async () => {
		render(MethodForm, { props: { method: commonMethod() } });
		await type('method-likelihood-label-1', 'Once a decade');
		await fireEvent.change(screen.getByTestId('method-likelihood-levels'), {
			target: { value: '3' }
		});
		expect(screen.queryByTestId('method-preview-4-1'), 'only three rows left').toBeNull();
		expect(screen.getByTestId('method-preview-3-5')).toBeTruthy();
		expect(screen.getByTestId<HTMLInputElement>('method-likelihood-label-1').value).toBe(
			'Once a decade'
		);
	});

	it('sends what each level means, trimmed, and keeps the meanings when a scale shrinks', async () => {
		render(MethodForm, { props: { method: commonMethod() } });
		invokeMock.mockResolvedValueOnce(0).mockResolvedValueOnce(null);
		await type('method-impact-definition-2', '  Some harm  ');
		await fireEvent.change(screen.getByTestId('method-impact-levels'), {
			target: { value: '4' }
		});
		expect(screen.queryByTestId('method-impact-definition-5'), 'four levels left').toBeNull();
		await fireEvent.click(screen.getByTestId('method-save'));
		await waitFor(() => expect(invokeMock).toHaveBeenCalled());
		const sent = invokeMock.mock.calls[0]?.[1] as { method: { impact_definitions: string[] } };
		expect(sent.method.impact_definitions).toEqual(['', 'Some harm', '', '']);
	});

	it('shows the method as the vault stored it after saving (blank meanings filled in)', async () => {
		render(MethodForm, { props: { method: null } });
		const stored = commonMethod();
		stored.likelihood_definitions[0] = 'Once in ten years or less';
		invokeMock.mockResolvedValueOnce(0).mockResolvedValueOnce(stored);
		await fireEvent.click(screen.getByTestId('method-use-common'));
		await type('method-likelihood-definition-1', '');
		await fireEvent.click(screen.getByTestId('method-save'));
		await waitFor(() => expect(screen.getByTestId('method-saved')).toBeTruthy());
		expect(invokeMock).toHaveBeenLastCalledWith('risks_method_get', undefined);
		expect(
			screen.getByTestId<HTMLInputElement>('method-likelihood-definition-1').value,
			'the meaning the vault gave the blank level'
		).toBe('Once in ten years or less');
	});

	it('saves the method and says how many risks were flagged for review', async () => {
		render(MethodForm, { props: { method: null } });
		invokeMock.mockResolvedValueOnce(3).mockResolvedValueOnce(commonMethod());
		await fireEvent.click(screen.getByTestId('method-use-common'));
		await fireEvent.click(screen.getByTestId('method-save'));
		await waitFor(() => expect(screen.getByTestId('method-flagged')).toBeTruthy());
		expect(invokeMock).toHaveBeenCalledWith('risks_method_set', { method: commonMethod() });
		expect(screen.getByTestId('method-flagged').textContent).toContain(
			'3 risks flagged for review'
		);
	});

	it('puts the shell’s Validation errors on the inputs they name', async () => {
		render(MethodForm, { props: { method: commonMethod() } });
		invokeMock.mockRejectedValueOnce({
			code: 'Validation',
			message: '1 field needs attention.',
			fields: [{ field: 'red_threshold', message: 'At most the highest score, 25.' }]
		});
		await type('method-red', '24');
		await fireEvent.click(screen.getByTestId('method-save'));
		const error = await screen.findByTestId('field-error-red_threshold');
		expect(error.textContent).toContain('At most the highest score, 25.');
		expect(screen.getByTestId('method-red').getAttribute('aria-invalid')).toBe('true');
	});

	it('checks labels and thresholds before sending', async () => {
		render(MethodForm, { props: { method: null } });
		await fireEvent.click(screen.getByTestId('method-save'));
		expect(screen.getByTestId('field-error-likelihood_labels')).toBeTruthy();
		expect(screen.getByTestId('field-error-impact_labels')).toBeTruthy();
		expect(screen.getByTestId('field-error-acceptance_threshold')).toBeTruthy();
		expect(screen.getByTestId('field-error-red_threshold')).toBeTruthy();
		expect(invokeMock).not.toHaveBeenCalled();
	});
});
