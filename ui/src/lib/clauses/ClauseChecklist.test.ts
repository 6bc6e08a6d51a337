import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import { invoke } from '@tauri-apps/api/core';
import type { ClauseCoverage } from '$lib/bindings/ClauseCoverage';
import type { ClauseEntry } from '$lib/bindings/ClauseEntry';
import type { Coverage } from '$lib/bindings/Coverage';
import type { Document } from '$lib/bindings/Document';
import { formatDate } from '$lib/app/format';
import { blankDocument } from '$lib/documents/document';
import ClauseChecklist from './ClauseChecklist.svelte';
import { summary } from './coverage';

const invokeMock = vi.mocked(invoke);

const DOCS: Document[] = [
	{ ...blankDocument(), id: 1, reference: 'POL-01', title: 'Information security policy' },
	{ ...blankDocument(), id: 2, reference: 'SCO-01', title: 'ISMS scope' }
];

const ENTRIES: ClauseEntry[] = [
	{ clause_id: '4', title: 'Context of the organization', document_ids: [], records: '' },
	{ clause_id: '4.3', title: 'Scope of the ISMS', document_ids: [2], records: '' },
	{ clause_id: '5.2', title: 'Policy', document_ids: [], records: '' },
	{ clause_id: '9.2.2', title: 'Internal audit programme', document_ids: [], records: '' }
];

const clause = (c: Partial<ClauseCoverage> & Pick<ClauseCoverage, 'clause_id' | 'status'>) => ({
	title: ENTRIES.find((e) => e.clause_id === c.clause_id)?.title ?? '',
	documents: [],
	records: [],
	evidence: '',
	gap: '',
	...c
});

const COVERAGE: Coverage = {
	as_of: '2026-05-10',
	clauses: [
		clause({
			clause_id: '4',
			status: 'not_addressed',
			evidence: '1 of 2 sub-clauses addressed',
			gap: 'See 4.1.'
		}),
		clause({
			clause_id: '4.3',
			status: 'addressed',
			documents: [
				{
					id: 2,
					reference: 'SCO-01',
					title: 'ISMS scope',
					version: '1.0',
					approved_on: '2026-02-01'
				}
			],
			records: [{ kind: 'organisation', ref: 'Organisation', title: 'Fjord AS', id: null }],
			evidence: 'The scope statement on the Organisation page'
		}),
		clause({
			clause_id: '5.2',
			status: 'not_addressed',
			gap: 'Nothing addresses it: approve a document that covers 5.2.'
		}),
		clause({
			clause_id: '9.2.2',
			status: 'planned',
			records: [{ kind: 'audit', ref: 'IA-01', title: 'Access control', id: 7 }],
			evidence: '1 completed internal audit: IA-01',
			gap: 'Planned, but no records show it in practice yet: a completed internal audit.'
		})
	],
	mandatory: [
		{
			clause: '4.3',
			item: 'Scope of the ISMS',
			kind: 'document',
			covered: true,
			documents: [
				{
					id: 2,
					reference: 'SCO-01',
					title: 'ISMS scope',
					version: '1.0',
					approved_on: '2026-02-01'
				}
			],
			records: [],
			evidence: ''
		},
		{
			clause: '9.2.2',
			item: 'Evidence of the audit programme and the audit results',
			kind: 'record',
			covered: false,
			documents: [],
			records: [],
			evidence: ''
		}
	]
};

function show({ coverage }: { coverage?: Coverage } = { coverage: COVERAGE }) {
	const onsaved = vi.fn();
	render(ClauseChecklist, { props: { entries: ENTRIES, coverage, documents: DOCS, onsaved } });
	return onsaved;
}

const row = (id: string) =>
	within(screen.getAllByTestId('clause-row').find((r) => r.dataset.clause === id) as HTMLElement);

describe('ClauseChecklist', () => {
	beforeEach(() => {
		invokeMock.mockReset();
	});

	it('sums up the coverage: addressed, planned and not addressed as of its day', () => {
		show();
		expect(screen.getByTestId('clauses-summary').textContent).toBe(
			`1 of 4 clauses addressed, 1 planned, 2 not addressed as of ${formatDate('2026-05-10')}`
		);
		expect(summary({ ...COVERAGE, clauses: [] })).toMatch(/^0 of 0 clauses addressed, 0 planned/);
	});

	it('shows each status in words and colour, with sub-clauses indented under their parent', () => {
		show();
		const statuses = screen.getAllByTestId('clause-status');
		expect(statuses.map((s) => s.textContent?.trim())).toEqual([
			'Not addressed',
			'Addressed',
			'Not addressed',
			'Planned'
		]);
		expect(statuses.map((s) => s.className)).toEqual([
			expect.stringContaining('danger'),
			expect.stringContaining('success'),
			expect.stringContaining('danger'),
			expect.stringContaining('warning')
		]);
		const rows = screen.getAllByTestId('clause-row');
		expect(rows[0]?.style.paddingLeft).not.toBe(rows[1]?.style.paddingLeft);
		expect(rows[3]?.style.paddingLeft, '9.2.2 is two levels down').toContain('2 *');
	});

	it('links the covering documents and the records, and says the evidence and the gap', () => {
		show();
		const scope = row('4.3');
		const doc = scope.getByTestId('clause-covering-doc');
		expect(doc.getAttribute('href')).toBe('/documents/2');
		expect(doc.textContent?.trim()).toBe('SCO-01 ISMS scope, version 1.0');
		expect(scope.getByTestId('clause-record-link').getAttribute('href')).toBe('/organisation');
		expect(scope.getByTestId('clause-evidence').textContent).toBe(
			'The scope statement on the Organisation page'
		);
		expect(scope.queryByTestId('clause-gap'), 'an addressed clause has no gap').toBeNull();

		const audit = row('9.2.2');
		expect(audit.getByTestId('clause-record-link').getAttribute('href')).toBe('/audits?audit=7');
		expect(audit.getByTestId('clause-record-link').textContent).toContain('IA-01 Access control');
		expect(audit.getByTestId('clause-gap').textContent).toContain(
			'Planned, but no records show it in practice yet'
		);
		expect(row('5.2').getByTestId('clause-gap').textContent).toContain('Nothing addresses it');
		expect(row('4').getByTestId('clause-gap').textContent).toContain('See 4.1.');
	});

	it('lists the mandatory items, covered or not, with what covers them', () => {
		show();
		const items = screen.getAllByTestId('mandatory-item');
		expect(items).toHaveLength(2);
		const [scope, audits] = items.map((i) => within(i));
		expect(scope?.getByTestId('mandatory-status').textContent?.trim()).toBe('Covered');
		expect(scope?.getByTestId('mandatory-doc').getAttribute('href')).toBe('/documents/2');
		expect(audits?.getByTestId('mandatory-status').textContent?.trim()).toBe('Not covered');
		expect(audits?.getByText(/No records yet/)).toBeTruthy();
	});

	it('still shows the entries to edit while the coverage loads', () => {
		show({});
		expect(screen.getAllByTestId('clause-row')).toHaveLength(4);
		expect(screen.queryByTestId('clauses-summary')).toBeNull();
		expect(screen.queryByTestId('clause-status')).toBeNull();
	});

	it('saves one row with the selected document ids and its records note', async () => {
		const onsaved = show();
		const policy = row('5.2');
		const saved: ClauseEntry = { ...ENTRIES[2]!, document_ids: [1], records: 'Intranet page' };
		invokeMock.mockResolvedValueOnce(saved);

		await fireEvent.change(policy.getByTestId('clause-add-doc'), { target: { value: '1' } });
		expect(policy.getByTestId('clause-doc').textContent).toContain(
			'POL-01 Information security policy'
		);
		await fireEvent.input(policy.getByTestId('clause-records'), {
			target: { value: 'Intranet page' }
		});
		await fireEvent.click(policy.getByTestId('clause-save'));

		await waitFor(() => expect(onsaved).toHaveBeenCalledWith(saved));
		expect(invokeMock).toHaveBeenCalledWith('clauses_update', {
			entry: { clause_id: '5.2', title: 'Policy', document_ids: [1], records: 'Intranet page' }
		});
		expect((policy.getByTestId('clause-save') as HTMLButtonElement).disabled, 'saved').toBe(true);
	});
});
