import { render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import { invoke } from '@tauri-apps/api/core';
import AuditorCompetence from './AuditorCompetence.svelte';

const invokeMock = vi.mocked(invoke);
const piece = (id: number, person_id: number, title: string, expires_on: string | null) => ({
	id,
	person_id,
	kind: 'certification',
	title,
	obtained_on: '2024-01-01',
	expires_on,
	evidence_id: null,
	note: ''
});

describe('AuditorCompetence', () => {
	beforeEach(() => {
		invokeMock.mockReset();
		invokeMock.mockResolvedValue({
			roles: [],
			assignments: [],
			evidence: [
				piece(1, 4, 'ISO/IEC 27001 Lead Auditor', '2027-01-01'),
				piece(2, 4, 'CISSP', '2026-05-10'),
				piece(3, 9, 'Someone else’s', null)
			]
		});
	});

	it('lists the auditor’s evidence with its kind and whether it is current or lapsed', async () => {
		render(AuditorCompetence, { props: { auditorId: 4, today: '2026-06-15' } });
		await waitFor(() => expect(screen.getAllByTestId('auditor-competence-item')).toHaveLength(2));
		const items = screen.getAllByTestId('auditor-competence-item').map((i) => i.textContent);
		expect(items[0]).toContain('Certification');
		expect(items[0]).toContain('Current until');
		expect(items[1]).toContain('Lapsed on');
	});

	it('says when the auditor has none, and shows nothing for an external auditor', async () => {
		const { unmount } = render(AuditorCompetence, { props: { auditorId: 7, today: '2026-06-15' } });
		await waitFor(() => expect(screen.getByTestId('auditor-competence-none')).toBeTruthy());
		unmount();
		render(AuditorCompetence, { props: { auditorId: null, today: '2026-06-15' } });
		expect(screen.queryByTestId('auditor-competence')).toBeNull();
	});
});
