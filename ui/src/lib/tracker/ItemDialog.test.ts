import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import { invoke } from '@tauri-apps/api/core';
import ItemDialog from './ItemDialog.svelte';
import { blankItem } from './item';

const invokeMock = vi.mocked(invoke);

describe('ItemDialog', () => {
	beforeEach(() => {
		invokeMock.mockReset();
	});

	it('puts each missing field of closing a nonconformity on its input', async () => {
		const item = {
			...blankItem('2026-05-01'),
			id: 7,
			reference: 'T-007',
			kind: 'minor_nc' as const,
			title: 'No MFA'
		};
		const onsaved = vi.fn();
		render(ItemDialog, { props: { item, people: [], onclose: vi.fn(), onsaved } });
		invokeMock.mockRejectedValueOnce({
			code: 'Validation',
			message: '3 fields need attention.',
			fields: [
				{ field: 'root_cause', message: 'Closing a nonconformity needs its root cause.' },
				{
					field: 'corrective_action',
					message: 'A nonconformity needs its corrective action first.'
				},
				{
					field: 'effectiveness_result',
					message: 'Closing a nonconformity needs an effectiveness review.'
				}
			]
		});

		await fireEvent.change(screen.getByTestId('item-status'), { target: { value: 'closed' } });
		await fireEvent.click(screen.getByTestId('tracker-item-save'));

		expect((await screen.findByTestId('field-error-root_cause')).textContent).toContain(
			'root cause'
		);
		expect(screen.getByTestId('field-error-corrective_action').textContent).toContain(
			'corrective action'
		);
		expect(screen.getByTestId('field-error-effectiveness_result').textContent).toContain(
			'effectiveness review'
		);
		expect(screen.getByTestId('item-root-cause').getAttribute('aria-invalid')).toBe('true');
		expect(invokeMock).toHaveBeenCalledWith('tracker_update', {
			item: expect.objectContaining({ id: 7, status: 'closed' })
		});
		expect(onsaved).not.toHaveBeenCalled();
	});
});
