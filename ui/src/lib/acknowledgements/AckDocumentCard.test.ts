import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import type { Document } from '$lib/bindings/Document';
import type { Person } from '$lib/bindings/Person';
import { blankPerson } from '$lib/people/person';
import AckDocumentCard from './AckDocumentCard.svelte';
import { ackCounts, countLabel } from './acknowledgement';

const PEOPLE = new Map<number, Person>(
	[
		[1, 'Anna'],
		[2, 'Ben'],
		[3, 'Chloé']
	].map(([id, name]) => [
		id as number,
		{ ...blankPerson(), id: id as number, name: name as string }
	])
);

const POLICY: Document = {
	id: 5,
	reference: 'POL-01',
	title: 'Information security policy',
	kind: 'policy',
	mandatory_items: [],
	owner_id: null,
	review_months: 12,
	next_review: null,
	communicate: true,
	audience: [],
	versions: [
		{
			id: 50,
			number: '1.0',
			change_summary: '',
			evidence_id: null,
			approved_by: 1,
			approved_on: '2026-03-01'
		}
	]
};

describe('ackCounts', () => {
	it('counts who has acknowledged among everyone the document goes to', () => {
		const counts = ackCounts({ acknowledged: [1, 2, 3, 4, 5, 6, 7], missing: [8, 9] });
		expect(counts).toEqual({ done: 7, total: 9, percent: 78 });
		expect(countLabel(counts)).toBe('7 of 9 acknowledged');
	});

	it('is 0 of 0 when no one is in the audience', () => {
		expect(ackCounts({ acknowledged: [], missing: [] })).toEqual({ done: 0, total: 0, percent: 0 });
	});
});

describe('AckDocumentCard', () => {
	it('shows the count, who has acknowledged (date, method) and who has not', async () => {
		const onrecord = vi.fn();
		render(AckDocumentCard, {
			props: {
				status: {
					document_id: 5,
					reference: 'POL-01',
					version_id: 50,
					acknowledged: [2],
					missing: [3, 1]
				},
				document: POLICY,
				people: PEOPLE,
				acks: [
					{
						id: 9,
						person_id: 2,
						version_id: 50,
						acknowledged_on: '2026-03-04',
						method: 'email' as const,
						evidence_id: null
					}
				],
				onrecord,
				onremove: vi.fn()
			}
		});

		expect(screen.getByTestId('ack-count').textContent).toContain('1 of 3 acknowledged');
		expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('33');
		const done = screen.getByTestId('ack-done').textContent ?? '';
		expect(done).toContain('Ben');
		expect(done).toContain('E-mail');
		expect(screen.getAllByTestId('ack-missing-name').map((n) => n.textContent)).toEqual([
			'Anna',
			'Chloé'
		]);
		expect(screen.getByText('Version 1.0, approved', { exact: false })).toBeTruthy();

		await fireEvent.click(screen.getAllByTestId('ack-record')[1]!);
		expect(onrecord).toHaveBeenCalledWith(3, 50);
	});

	it('says so when the document has no approved version', () => {
		render(AckDocumentCard, {
			props: {
				status: {
					document_id: 5,
					reference: 'POL-01',
					version_id: null,
					acknowledged: [],
					missing: [1]
				},
				document: { ...POLICY, versions: [] },
				people: PEOPLE,
				acks: [],
				onrecord: vi.fn(),
				onremove: vi.fn()
			}
		});
		expect(screen.getByTestId('ack-no-version')).toBeTruthy();
		expect(screen.queryByTestId('ack-record')).toBeNull();
		expect(screen.getByText('No approved version yet')).toBeTruthy();
	});
});
