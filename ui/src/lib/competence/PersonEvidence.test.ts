import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import type { CompetenceEvidence } from '$lib/bindings/CompetenceEvidence';
import type { Role } from '$lib/bindings/Role';
import { blankPerson } from '$lib/people/person';
import PersonEvidence from './PersonEvidence.svelte';

const ANNA = { ...blankPerson(), id: 1, name: 'Anna <b>Kowalska</b>' };
const AUDITOR: Role = {
	id: 5,
	name: 'Internal auditor',
	standard: 'internal_auditor',
	responsibilities: 'Audits.',
	competence: 'Audit training.'
};
const piece = (
	id: number,
	title: string,
	obtained_on: string,
	expires_on: string | null
): CompetenceEvidence => ({
	id,
	person_id: 1,
	kind: 'certification',
	title,
	obtained_on,
	expires_on,
	evidence_id: null,
	note: ''
});

function show(evidence: CompetenceEvidence[]) {
	const props = {
		person: ANNA,
		roles: [AUDITOR],
		evidence,
		today: '2026-06-15',
		onopen: vi.fn(),
		onadd: vi.fn()
	};
	render(PersonEvidence, { props });
	return props;
}

describe('PersonEvidence', () => {
	it('shows lapsed evidence in red, expiring within 60 days in amber, in words too', async () => {
		const { onopen } = show([
			piece(1, 'CISSP', '2023-05-01', '2026-05-10'),
			piece(2, 'Lead Auditor', '2024-01-01', '2026-07-31'),
			piece(3, 'Lead Implementer', '2024-01-01', '2028-01-01')
		]);
		const badges = screen.getAllByTestId('evidence-standing');
		const tone = (b: HTMLElement) =>
			['danger', 'warning', 'success', 'neutral'].find((t) => b.classList.contains(t));
		expect(badges.map(tone)).toEqual(['danger', 'warning', 'success']);
		expect(badges[0]?.textContent).toContain('Lapsed on');
		expect(badges[1]?.textContent).toContain('Expires on');
		expect(screen.queryByTestId('evidence-missing')).toBeNull();
		await fireEvent.click(screen.getAllByTestId('evidence-row')[0]!);
		expect(onopen).toHaveBeenCalledWith(expect.objectContaining({ id: 1 }));
	});

	it('points out a role that requires competence without current evidence, and shows names as text', () => {
		show([piece(1, '<i>CISSP</i>', '2023-05-01', '2026-05-10')]);
		expect(screen.getByTestId('evidence-missing')).toBeTruthy();
		expect(screen.getByRole('heading').textContent).toBe('Anna <b>Kowalska</b>');
		expect(screen.getByText('<i>CISSP</i>')).toBeTruthy();
	});
});
