import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import { invoke } from '@tauri-apps/api/core';
import type { Person } from '$lib/bindings/Person';
import { blankPerson } from '$lib/people/person';
import AssetDialog from './AssetDialog.svelte';
import { blankAsset } from './asset';

const invokeMock = vi.mocked(invoke);

const PEOPLE: Person[] = [
	{ ...blankPerson(), id: 1, name: 'Łukasz Wąs', email: 'lukasz@example.com' },
	{ ...blankPerson(), id: 3, name: 'Old Timer', email: 'old@example.com', end_date: '2020-01-31' }
];

describe('AssetDialog', () => {
	beforeEach(() => {
		invokeMock.mockReset();
	});

	it('offers active people as owners and sends the owner as an id', async () => {
		const onsaved = vi.fn();
		render(AssetDialog, {
			props: { asset: blankAsset(), people: PEOPLE, today: '2025-05-01', onclose: vi.fn(), onsaved }
		});
		const owner = screen.getByTestId<HTMLSelectElement>('asset-owner');
		const labels = Array.from(owner.options).map((o) => o.textContent);
		expect(labels, 'people who have left are not offered').toEqual(['No owner yet', 'Łukasz Wąs']);

		invokeMock.mockResolvedValueOnce({ ...blankAsset(), id: 5 });
		await fireEvent.input(screen.getByTestId('asset-name'), { target: { value: 'CRM' } });
		await fireEvent.change(owner, { target: { value: '1' } });
		await fireEvent.input(screen.getByTestId('asset-classification'), {
			target: { value: 'Confidential' }
		});
		await fireEvent.click(screen.getByTestId('asset-save'));

		await waitFor(() => expect(onsaved).toHaveBeenCalled());
		expect(invokeMock).toHaveBeenCalledWith('assets_create', {
			asset: {
				id: 0,
				name: 'CRM',
				kind: '',
				owner_id: 1,
				classification: 'Confidential',
				description: ''
			}
		});
	});

	it('keeps a current owner who has left selectable, marked', () => {
		render(AssetDialog, {
			props: {
				asset: { ...blankAsset(), id: 9, name: 'Archive', owner_id: 3 },
				people: PEOPLE,
				today: '2025-05-01',
				onclose: vi.fn()
			}
		});
		const owner = screen.getByTestId<HTMLSelectElement>('asset-owner');
		expect(owner.value).toBe('3');
		expect(owner.selectedOptions[0]?.textContent).toBe('Old Timer (left)');
	});
});
