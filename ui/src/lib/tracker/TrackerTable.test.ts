import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import type { TrackerItem } from '$lib/bindings/TrackerItem';
import { withLayout } from '$lib/testing/layout';
import TrackerTable from './TrackerTable.svelte';
import { blankItem } from './item';

withLayout();

const base = blankItem('2026-01-01');
const item = (id: number, patch: Partial<TrackerItem>): TrackerItem => ({
	...base,
	id,
	reference: `T-${String(id).padStart(3, '0')}`,
	title: `Item ${id}`,
	...patch
});

const refs = () => screen.getAllByTestId('tracker-row-ref').map((el) => el.textContent?.trim());

describe('TrackerTable', () => {
	it('flags an open item whose due date has passed, and only that one', () => {
		const items = [
			item(1, { title: 'Late', due_on: '2026-05-01' }),
			item(2, { title: 'On time', due_on: '2026-07-01' }),
			item(3, { title: 'Done', due_on: '2026-04-01', status: 'closed' })
		];
		render(TrackerTable, { props: { items, people: [], today: '2026-06-01', onopen: vi.fn() } });

		const badges = screen.getAllByTestId('tracker-overdue');
		expect(badges).toHaveLength(1);
		const rows = screen.getAllByTestId('tracker-row');
		expect(rows[0]?.textContent).toContain('Overdue');
		expect(rows[1]?.textContent).not.toContain('Overdue');
	});

	it('sorts kinds by severity and due dates with undated items last, either way', async () => {
		const items = [
			item(1, { kind: 'observation', due_on: null }),
			item(2, { kind: 'major_nc', due_on: '2026-09-01' }),
			item(3, { kind: 'minor_nc', due_on: '2026-03-01' })
		];
		render(TrackerTable, { props: { items, people: [], today: '2026-01-01', onopen: vi.fn() } });
		expect(refs()).toEqual(['T-001', 'T-002', 'T-003']);

		await fireEvent.click(screen.getByTestId('tracker-table-sort-kind'));
		expect(refs()).toEqual(['T-002', 'T-003', 'T-001']);

		await fireEvent.click(screen.getByTestId('tracker-table-sort-due'));
		expect(refs()).toEqual(['T-003', 'T-002', 'T-001']);
		await fireEvent.click(screen.getByTestId('tracker-table-sort-due'));
		expect(refs()).toEqual(['T-001', 'T-002', 'T-003']);
	});

	it('keeps only the rows in view in the DOM when there are thousands', () => {
		const items = Array.from({ length: 5000 }, (_, n) => item(n + 1, {}));
		render(TrackerTable, { props: { items, people: [], today: '2026-01-01', onopen: vi.fn() } });
		const shown = screen.getAllByTestId('tracker-row').length;
		expect(shown).toBeGreaterThan(5);
		expect(shown).toBeLessThan(100);
		expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('5001');
	});

	it('opens an item on a row click', async () => {
		const onopen = vi.fn();
		render(TrackerTable, {
			props: { items: [item(7, { title: 'Fix backups' })], people: [], today: '2026-01-01', onopen }
		});
		await fireEvent.click(screen.getByTestId('tracker-row'));
		expect(onopen).toHaveBeenCalledWith(expect.objectContaining({ id: 7 }));
	});
});
