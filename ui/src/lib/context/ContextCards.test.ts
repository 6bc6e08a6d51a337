import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import { invoke } from '@tauri-apps/api/core';
import type { ContextView } from '$lib/bindings/ContextView';
import ContextCards from './ContextCards.svelte';

const invokeMock = vi.mocked(invoke);

const CONTEXT: ContextView = {
	issues: [
		{ id: 2, kind: 'internal', title: 'Remote-first team', description: 'Laptops everywhere.' },
		{ id: 1, kind: 'external', title: 'NIS2', description: '' }
	],
	parties: []
};

describe('ContextCards', () => {
	beforeEach(() => {
		invokeMock.mockReset();
	});

	it('lists the issues, says what to record when there are no parties, and adds an issue', async () => {
		const onchanged = vi.fn();
		render(ContextCards, { props: { context: CONTEXT, onchanged } });
		const items = screen.getAllByTestId('issues-list-item').map((el) => el.textContent ?? '');
		expect(items[0]).toContain('NIS2');
		expect(items[0]).toContain('External');
		expect(items[1]).toContain('Remote-first team');
		expect(screen.getByText('No interested parties recorded')).toBeTruthy();

		await fireEvent.click(screen.getByTestId('issues-add'));
		await fireEvent.click(screen.getByDisplayValue('external'));
		await fireEvent.input(screen.getByTestId('issue-title'), {
			target: { value: 'Customers ask for ISO 27001' }
		});
		invokeMock.mockResolvedValueOnce({});
		await fireEvent.click(screen.getByTestId('issue-save'));

		await waitFor(() => expect(onchanged).toHaveBeenCalled());
		expect(invokeMock).toHaveBeenCalledWith('context_create_issue', {
			issue: { id: 0, kind: 'external', title: 'Customers ask for ISO 27001', description: '' }
		});
	});
});
