import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import TrackerTable from './TrackerTable.svelte';
import { blankItem } from './item';

describe('TrackerTable', () => {
	it('flags an open item whose due date has passed, and only that one', () => {
		const base = blankItem('2026-01-01');
		const items = [
			{ ...base, id: 1, reference: 'T-001', title: 'Late', due_on: '2026-05-01' },
			{ ...base, id: 2, reference: 'T-002', title: 'On time', due_on: '2026-07-01' },
			{
				...base,
				id: 3,
				reference: 'T-003',
				title: 'Done',
				due_on: '2026-04-01',
				status: 'closed' as const
			}
		];
		render(TrackerTable, { props: { items, people: [], today: '2026-06-01', onopen: vi.fn() } });

		const badges = screen.getAllByTestId('tracker-overdue');
		expect(badges).toHaveLength(1);
		const rows = screen.getAllByTestId('tracker-row');
		expect(rows[0]?.textContent).toContain('Overdue');
		expect(rows[1]?.textContent).not.toContain('Overdue');
	});
});
