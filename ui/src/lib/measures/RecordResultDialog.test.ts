import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import { invoke } from '@tauri-apps/api/core';
import type { Measure } from '$lib/bindings/Measure';
import RecordResultDialog from './RecordResultDialog.svelte';
import { blankMeasure } from './measure';

const invokeMock = vi.mocked(invoke);

const AWARENESS: Measure = {
	...blankMeasure('2026-01-15'),
	id: 4,
	reference: 'M-001',
	title: 'Awareness training coverage',
	source: 'awareness_training',
	unit: '%',
	target: 95,
	evaluated_by: 3
};

function open(measure: Measure) {
	const props = { measure, people: [], today: '2026-05-31', onclose: vi.fn(), onsaved: vi.fn() };
	render(RecordResultDialog, { props });
	return props;
}

const type = (testid: string, value: string) =>
	fireEvent.input(screen.getByTestId(testid), { target: { value } });

describe('RecordResultDialog', () => {
	beforeEach(() => invokeMock.mockReset());

	it('proposes the computed value, shows the target missed live and raises an action', async () => {
		invokeMock.mockResolvedValueOnce(83.3);
		const { onsaved } = open(AWARENESS);
		await waitFor(() =>
			expect(invokeMock).toHaveBeenCalledWith('measures_propose', { id: 4, on: '2026-05-31' })
		);
		await waitFor(() =>
			expect((screen.getByTestId('measure-result-value') as HTMLInputElement).value).toBe('83.3')
		);
		expect(screen.getByTestId('measure-result-verdict').textContent).toContain('missed');
		await type('measure-result-evaluation', 'Two joiners untrained');
		invokeMock.mockResolvedValueOnce({ id: 1 });
		await fireEvent.click(screen.getByTestId('measure-result-save'));
		await waitFor(() => expect(onsaved).toHaveBeenCalled());
		expect(invokeMock).toHaveBeenLastCalledWith('measures_record', {
			measure_id: 4,
			result: {
				measured_on: '2026-05-31',
				value: 83.3,
				evaluation: 'Two joiners untrained',
				follow_up: '',
				raise: { kind: 'action', owner_id: 3, due_on: null, description: '' },
				evidence_id: null
			}
		});
	});

	it('needs an evaluation, and a note when no tracker item is raised', async () => {
		const manual = {
			...AWARENESS,
			source: 'manual' as const,
			target: 10,
			direction: 'at_most' as const
		};
		open(manual);
		await type('measure-result-value', '12');
		expect(screen.getByTestId('measure-result-verdict').textContent).toContain('missed');
		await fireEvent.click(screen.getByLabelText(/No tracker item/));
		await fireEvent.click(screen.getByTestId('measure-result-save'));
		expect(await screen.findByTestId('field-error-evaluation')).toBeTruthy();
		expect(screen.getByTestId('field-error-follow_up')).toBeTruthy();
		expect(invokeMock).not.toHaveBeenCalledWith('measures_record', expect.anything());
		await type('measure-result-value', '8');
		expect(screen.getByTestId('measure-result-verdict').textContent).toContain('met');
	});
});
