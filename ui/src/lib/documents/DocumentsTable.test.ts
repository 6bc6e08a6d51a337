import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import type { Document } from '$lib/bindings/Document';
import type { RegisterEntry } from '$lib/bindings/RegisterEntry';
import { blankDocument } from './document';
import DocumentsTable from './DocumentsTable.svelte';

const doc = (id: number, reference: string, title: string): Document => ({
	...blankDocument(),
	id,
	reference,
	title
});

const DOCS = [
	doc(1, 'SOA-01', 'Statement of Applicability'),
	doc(2, 'POL-01', 'Information security policy'),
	doc(3, 'PRC-09', 'A procedure in draft')
];

// What `documents_register` answers: the SoA's entry shows the SoA's approval, the policy its
// own version, the draft nothing.
const SHOWN: RegisterEntry[] = [
	{
		document_id: 1,
		version: { number: '2', approved_on: '2026-06-04', approved_by: 1, from_soa: true }
	},
	{
		document_id: 2,
		version: { number: '1.1', approved_on: '2026-02-01', approved_by: 1, from_soa: false }
	}
];

describe('DocumentsTable', () => {
	it('shows each entry the version the core says it shows', () => {
		render(DocumentsTable, {
			props: { documents: DOCS, people: [], shown: SHOWN, onopen: vi.fn() }
		});
		const row = (reference: string) =>
			screen.getByText(reference, { selector: 'button' }).closest('tr')?.textContent ?? '';
		expect(row('SOA-01')).toContain('SoA version 2');
		expect(row('POL-01')).toContain('1.1');
		expect(row('POL-01')).not.toContain('SoA version');
		expect(row('PRC-09')).toContain('None approved');
	});
});
