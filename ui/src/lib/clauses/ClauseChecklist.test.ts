import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import { invoke } from '@tauri-apps/api/core';
import type { ClauseEntry } from '$lib/bindings/ClauseEntry';
import type { Document } from '$lib/bindings/Document';
import { blankDocument } from '$lib/documents/document';
import ClauseChecklist from './ClauseChecklist.svelte';

const invokeMock = vi.mocked(invoke);

const DOCS: Document[] = [
	{ ...blankDocument(), id: 1, reference: 'POL-01', title: 'Information security policy' },
	{ ...blankDocument(), id: 2, reference: 'SCO-01', title: 'ISMS scope' }
];

const ENTRIES: ClauseEntry[] = [
	{ clause_id: '4', title: 'Context of the organization', document_ids: [], records: '' },
	{ clause_id: '4.3', title: 'Scope of the ISMS', document_ids: [2], records: '' },
	{ clause_id: '5.2', title: 'Policy', document_ids: [], records: '' }
];

function show() {
	const onsaved = vi.fn();
	render(ClauseChecklist, { props: { entries: ENTRIES, documents: DOCS, onsaved } });
	return onsaved;
}

describe('ClauseChecklist', () => {
	beforeEach(() => {
		invokeMock.mockReset();
	});

	it('counts clauses with something recorded and indents subclauses', () => {
		show();
		expect(screen.getByTestId('clauses-progress').textContent).toBe(
			'1 of 3 clauses have something recorded'
		);
		const [scope] = screen.getAllByTestId('clause-doc');
		expect(scope?.textContent).toContain('SCO-01 ISMS scope');
		const rows = screen.getAllByTestId('clause-row');
		expect(rows[0]?.style.paddingLeft).not.toBe(rows[1]?.style.paddingLeft);
	});

	it('saves one row with the selected document ids and its records note', async () => {
		const onsaved = show();
		const row = within(screen.getAllByTestId('clause-row')[2] as HTMLElement);
		const saved: ClauseEntry = { ...ENTRIES[2]!, document_ids: [1], records: 'Intranet page' };
		invokeMock.mockResolvedValueOnce(saved);

		await fireEvent.change(row.getByTestId('clause-add-doc'), { target: { value: '1' } });
		expect(row.getByTestId('clause-doc').textContent).toContain(
			'POL-01 Information security policy'
		);
		await fireEvent.input(row.getByTestId('clause-records'), {
			target: { value: 'Intranet page' }
		});
		await fireEvent.click(row.getByTestId('clause-save'));

		await waitFor(() => expect(onsaved).toHaveBeenCalledWith(saved));
		expect(invokeMock).toHaveBeenCalledWith('clauses_update', {
			entry: { clause_id: '5.2', title: 'Policy', document_ids: [1], records: 'Intranet page' }
		});
		expect((row.getByTestId('clause-save') as HTMLButtonElement).disabled, 'saved').toBe(true);
	});
});
